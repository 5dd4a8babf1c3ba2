// A grant year's page: the status and its action, amounts with 大写, and a refused 开始执行 shown
// with its rule id.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorPayload } from "../../ipc";
import { budgetCategoriesList, grantYearGet, grantYearStart } from "../../ipc";
import { CATEGORIES, grantDetail } from "../../test/grants";
import { renderWithApp, session } from "../../test/render";
import GrantYearPage from "./GrantYearPage";
import { withStatus } from "../../test/rust";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  grantYearGet: vi.fn(),
  grantYearStart: vi.fn(),
  budgetCategoriesList: vi.fn(),
}));

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/grants/:id" element={<GrantYearPage session={session()} />} />
    </Routes>,
    { route: "/grants/1" },
  );
}

describe("GrantYearPage", () => {
  beforeEach(() => {
    vi.mocked(grantYearGet).mockReset();
    vi.mocked(grantYearStart).mockReset();
    vi.mocked(budgetCategoriesList).mockReset().mockResolvedValue(CATEGORIES);
  });

  it("shows an executing year: amounts in figures and 大写, funds, arrears, budget", async () => {
    vi.mocked(grantYearGet).mockResolvedValue(grantDetail());
    renderPage();

    expect(await screen.findByTestId("grant-title")).toHaveTextContent("2019 年度资助");
    expect(grantYearGet).toHaveBeenCalledWith(1);
    expect(screen.getByTestId("grant-status")).toHaveTextContent("执行中");
    expect(screen.getByTestId("amount-district")).toHaveTextContent("180,000.00 元壹拾捌万元整");
    expect(screen.getByTestId("amount-total")).toHaveTextContent("360,000.00 元叁拾陆万元整");
    expect(screen.getByTestId("grant-policy")).toHaveTextContent("区级配套 1:1");
    expect(screen.getByTestId("fund-district")).toHaveTextContent("尚未到账 80,000.00 元");
    expect(screen.getByTestId("grant-arrears")).toHaveTextContent("R-ARREARS");
    expect(within(screen.getByTestId("budget-table")).getByText("人员劳务费")).toBeInTheDocument();
    // While executing: 预算调整 and 结项, no direct budget edit, no approval.
    expect(screen.getByTestId("budget-adjust")).toBeInTheDocument();
    expect(screen.getByTestId("grant-close")).toBeInTheDocument();
    expect(screen.queryByTestId("budget-edit")).not.toBeInTheDocument();
    expect(screen.queryByTestId("grant-approve")).not.toBeInTheDocument();
  });

  it("shows a refused 开始执行 (R-BUDGET) in an alert with the rule id", async () => {
    const user = userEvent.setup();
    const message =
      "区级配套预算合计 150,000.00 元，应等于区级配套金额 180,000.00 元，还差 30,000.00 元未分配。请调整各科目金额";
    const base = grantDetail();
    vi.mocked(grantYearGet).mockResolvedValue({
      ...base,
      grant: withStatus(base.grant, "approved"),
      budgetDistrictTotal: "150000.00",
    });
    vi.mocked(grantYearStart).mockRejectedValue({
      code: "validation",
      message,
      field: "districtTotal",
      rule: "R-BUDGET",
      problems: [{ field: "districtTotal", message, rule: "R-BUDGET" }],
    } satisfies ErrorPayload);
    renderPage();

    expect(await screen.findByTestId("budget-difference")).toHaveTextContent(
      "还差 30,000.00 未分配",
    );
    await user.click(screen.getByTestId("grant-start"));
    await user.click(await screen.findByRole("button", { name: "确 定" }));

    const alert = await screen.findByTestId("grant-action-error");
    expect(alert).toHaveTextContent(message);
    expect(alert.querySelector("[data-rule]")).toHaveTextContent("R-BUDGET");
    expect(grantYearStart).toHaveBeenCalledWith(1);
  });
});
