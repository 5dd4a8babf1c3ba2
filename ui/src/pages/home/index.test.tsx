// 首页 with a grant year on record: the fund figures by source, the arrears, the budget bars and
// the next steps; and the recognition warning.
import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { homeOverview } from "../../ipc";
import { grantDetail, homeWith } from "../../test/grants";
import { renderWithApp, session } from "../../test/render";
import HomePage from "./index";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  homeOverview: vi.fn(),
}));

describe("HomePage", () => {
  beforeEach(() => {
    vi.mocked(homeOverview).mockReset();
  });

  it("shows the current grant year: received against due by source, arrears, budget", async () => {
    vi.mocked(homeOverview).mockResolvedValue(homeWith(grantDetail()));
    renderWithApp(<HomePage session={session()} />);

    expect(await screen.findByTestId("home-fund-city")).toHaveTextContent(
      "已到账 180,000.00 / 应到 180,000.00 元",
    );
    expect(screen.getByTestId("home-fund-district")).toHaveTextContent(
      "已到账 100,000.00 / 应到 180,000.00 元",
    );
    expect(screen.getByTestId("home-fund-district")).toHaveTextContent("尚未到账 80,000.00 元");
    expect(screen.getByTestId("home-arrears")).toHaveTextContent(
      "区级配套欠拨 80,000.00 元，自 2019-03-20 起已 2808 天",
    );
    expect(screen.getByTestId("home-budget")).toHaveTextContent("人员劳务费");
    expect(screen.getByTestId("home-budget")).toHaveTextContent("100,000.00");
    expect(screen.getByText("查看详情")).toHaveAttribute("href", "/grants/1");
    // The grant card replaces the empty one; the other areas keep theirs.
    expect(screen.queryByText("尚未建立年度资助记录")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "去成员单位" })).toHaveAttribute("href", "/members");
    expect(screen.getByRole("link", { name: "去准备申报材料" })).toHaveAttribute("href", "/packet");
    expect(screen.queryByTestId("home-needs-recognition")).not.toBeInTheDocument();
  });

  it("keeps the honest empty card without a grant year, and asks for the recognition date", async () => {
    vi.mocked(homeOverview).mockResolvedValue({
      current: null,
      years: [],
      currentVouchers: 0,
      needsRecognition: true,
    });
    renderWithApp(<HomePage session={session()} />);

    const warning = await screen.findByTestId("home-needs-recognition");
    expect(warning).toHaveTextContent("本会尚未登记认定日期");
    expect(warning.querySelector("[data-rule]")).toHaveTextContent("R-RECOG");
    expect(screen.getByRole("link", { name: "社联会信息" })).toHaveAttribute(
      "href",
      "/federation?edit=1",
    );
    expect(screen.getByText("尚未建立年度资助记录")).toBeInTheDocument();
    expect(screen.queryByTestId("home-grant")).not.toBeInTheDocument();
  });
});
