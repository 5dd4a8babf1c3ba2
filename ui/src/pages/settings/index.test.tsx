// 设置: the policy in force, a new version saved only after the plain confirmation, and budget
// categories that cannot be deleted while in use.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { backupsList, budgetCategoriesList, policyGet, policyHistory, policySave } from "../../ipc";
import { CATEGORIES, POLICY } from "../../test/grants";
import { renderWithApp, session } from "../../test/render";
import SettingsPage from "./index";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  policyGet: vi.fn(),
  policyHistory: vi.fn(),
  policySave: vi.fn(),
  budgetCategoriesList: vi.fn(),
  backupsList: vi.fn(),
}));

describe("SettingsPage", () => {
  beforeEach(() => {
    vi.mocked(policyGet).mockReset().mockResolvedValue(POLICY);
    vi.mocked(policyHistory).mockReset().mockResolvedValue([POLICY]);
    vi.mocked(policySave).mockReset();
    vi.mocked(budgetCategoriesList)
      .mockReset()
      .mockResolvedValue(CATEGORIES.map((c, i) => ({ ...c, inUse: i === 0 })));
    vi.mocked(backupsList).mockReset().mockResolvedValue({ defaultFolder: "/tmp", backups: [] });
  });

  it("shows the policy in force and saves a new version after confirmation", async () => {
    const user = userEvent.setup();
    vi.mocked(policySave).mockResolvedValue({ ...POLICY, id: 2, cityMax: "220000.00" });
    renderWithApp(<SettingsPage session={session()} />);

    const details = await screen.findByTestId("policy-details");
    expect(details).toHaveTextContent("150,000.00 – 200,000.00 元/年");
    expect(details).toHaveTextContent("1:1");
    expect(details).toHaveTextContent("最多 2 个年度，须连续");
    expect(details).toHaveTextContent("配套资金欠拨超过 90 天");
    expect(details).toHaveTextContent("未启用");
    expect(await screen.findByTestId("policy-history")).toHaveTextContent("现行");

    await user.click(screen.getByTestId("policy-edit"));
    fireEvent.change(document.getElementById("policy_cityMax")!, { target: { value: "22万" } });
    await user.click(screen.getByTestId("policy-save"));

    expect(
      await screen.findByText(
        "修改后只影响今后新建的年度资助，已有年度仍按原政策执行。确定保存为新版本吗？",
      ),
    ).toBeInTheDocument();
    expect(policySave).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "保 存" }));

    await waitFor(() => expect(policySave).toHaveBeenCalledTimes(1));
    expect(vi.mocked(policySave).mock.calls[0][0]).toStrictEqual({
      name: "南京市 2018 社联会试点",
      effectiveFrom: "2026-11-26",
      cityMin: "150,000.00",
      cityMax: "22万",
      matchRatio: "1",
      maxYears: 2,
      consecutive: true,
      arrearsWarnDays: 90,
      capsEnabled: false,
      caps: [],
    });
  });

  it("lists budget categories; one in use cannot be deleted", async () => {
    renderWithApp(<SettingsPage session={session()} />);

    const card = await screen.findByTestId("categories-card");
    await within(card).findByText("项目活动费");
    expect(within(card).getAllByText("已使用")).toHaveLength(1);
    expect(within(card).queryByTestId("category-delete-activity")).not.toBeInTheDocument();
    expect(within(card).getByTestId("category-delete-labor")).toBeEnabled();
  });
});
