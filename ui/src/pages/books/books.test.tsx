// The 记账 page against a mocked IPC: the expense form's exact input and where R-SPEND lands, an
// original and its red-ink reversal naming each other, the reopen reason, the reports' totals.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorPayload } from "../../ipc";
import {
  attachmentStore,
  chartGet,
  expensePost,
  grantYearsList,
  homeOverview,
  monthClose,
  monthReopen,
  monthsList,
  reportBudgetExecution,
  spendOptions,
  voucherReverse,
  vouchersList,
  type BudgetExecution,
} from "../../ipc";
import {
  ACTIVITIES,
  CHART_2004,
  CHART_2024,
  EXECUTION,
  EXPENSE,
  LEDGER,
  MONTHS,
  RECEIPT,
  REVERSAL,
  SPEND_OPTIONS,
} from "../../test/books";
import { defaultGrantYear } from "../../kit/GrantYearScope";
import { grantDetail, homeWith } from "../../test/grants";
import { renderWithApp, session } from "../../test/render";
import HomePage from "../home";
import ExpenseModal from "./ExpenseModal";
import BooksPage from "./index";
import PeriodTab from "./PeriodTab";
import { ActivitiesTable, ExecutionTable, FundsTables, LedgerTable } from "./ReportsTab";
import { grantActions, voucherActions } from "../../test/rust";
import { deferred } from "../../test/deferred";
import { makeQueryClient } from "../../providers";
import { prepareBooks } from "./queries";

// Forms with a date picker, a select and an upload are slow under jsdom on a busy 2-core machine.
const SLOW = { timeout: 60_000 };

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  attachmentStore: vi.fn(),
  chartGet: vi.fn(),
  expensePost: vi.fn(),
  grantYearsList: vi.fn(),
  homeOverview: vi.fn(),
  monthClose: vi.fn(),
  monthReopen: vi.fn(),
  monthsList: vi.fn(),
  reportBudgetExecution: vi.fn(),
  spendOptions: vi.fn(),
  voucherReverse: vi.fn(),
  vouchersList: vi.fn(),
}));

const GRANT = grantDetail().grant;

// Every year's page asks which chart its books are kept in; a 2019 year is on the 2004 chart.
beforeEach(() => {
  vi.mocked(chartGet).mockReset().mockResolvedValue(CHART_2004);
});

function change(id: string, value: string) {
  fireEvent.change(document.getElementById(id)!, { target: { value } });
}

function itemOf(id: string): HTMLElement {
  return document.getElementById(id)!.closest(".ant-form-item") as HTMLElement;
}

async function pick(user: ReturnType<typeof userEvent.setup>, id: string, label: string) {
  fireEvent.mouseDown(document.getElementById(id)!);
  const options = await screen.findAllByTitle(label);
  await user.click(options[options.length - 1]);
}

/** Types a whole date into an antd DatePicker and leaves it (one change event, not keystrokes). */
async function typeDate(id: string, date: string) {
  const input = document.getElementById(id)!;
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.blur(input);
  await waitFor(() => expect(input).toHaveValue(date));
}

describe("记一笔支出", SLOW, () => {
  beforeEach(() => {
    vi.mocked(expensePost).mockReset();
    vi.mocked(attachmentStore).mockReset();
    vi.mocked(spendOptions).mockReset().mockResolvedValue(SPEND_OPTIONS);
  });

  it("shows what the line has left, sends the typed input with stored attachments, and puts R-SPEND under the amount", async () => {
    const user = userEvent.setup();
    const message =
      "项目活动费（市级专项资金）预算 100,000.00 元，已支出 99,000.00 元，尚余 1,000.00 元；本笔 1,280.50 元超出预算 280.50 元";
    vi.mocked(expensePost).mockRejectedValue({
      code: "validation",
      message,
      field: "amount",
      rule: "R-SPEND",
      problems: [{ field: "amount", message, rule: "R-SPEND" }],
    } satisfies ErrorPayload);
    vi.mocked(attachmentStore).mockResolvedValue({
      sha256: "b".repeat(64),
      fileName: "发票.png",
      mime: "image/png",
      size: 4,
    });
    const onClose = vi.fn();
    renderWithApp(<ExpenseModal grant={GRANT} today="2026-11-26" onClose={onClose} />);

    await typeDate("expense_date", "2019-04-02");
    change("expense_summary", " 购买社区活动物资 ");
    await pick(user, "expense_category", "项目活动费");
    expect(await screen.findByTestId("expense-position")).toHaveTextContent(
      "项目活动费（市级）预算 100,000.00 元，已支出 99,000.00 元，尚余 1,000.00 元；市级账上余额 81,000.00 元",
    );
    await user.click(screen.getByTestId("expense-source-district"));
    expect(screen.getByTestId("expense-position")).toHaveTextContent(
      "尚余 100,000.00 元；区级账上余额 100,000.00 元",
    );
    await user.click(screen.getByTestId("expense-source-city"));
    change("expense_amount", "1,280.50");
    change("expense_payee", "南京某某商贸有限公司");
    await user.click(screen.getByLabelText("现金"));
    const file = new File([new Uint8Array([137, 80, 78, 71])], "发票.png", { type: "image/png" });
    const input = screen
      .getByTestId("expense-attachments")
      .querySelector("input[type=file]") as HTMLInputElement;
    await user.upload(input, file);
    await waitFor(() => expect(attachmentStore).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("发票.png")).toBeInTheDocument();

    await user.click(screen.getByTestId("expense-submit"));

    const error = await screen.findByText(message);
    expect(itemOf("expense_amount")).toContainElement(error);
    expect(itemOf("expense_amount").querySelector("[data-rule]")).toHaveTextContent("R-SPEND");
    expect(screen.queryByTestId("expense-error")).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    expect(vi.mocked(expensePost).mock.calls[0]).toStrictEqual([
      {
        grantYearId: 1,
        date: "2019-04-02",
        summary: "购买社区活动物资",
        category: "activity",
        source: "city",
        amount: "1,280.50",
        payee: "南京某某商贸有限公司",
        paymentMethod: "cash",
        attachments: [{ sha256: "b".repeat(64), fileName: "发票.png" }],
      },
    ]);
  });

  it("puts R-PERIOD (a closed month) under the date", async () => {
    const user = userEvent.setup();
    const message = "2019年3月已结账，不能再记入凭证。如确需补记，请先在“结账”中写明原因反结账";
    vi.mocked(expensePost).mockRejectedValue({
      code: "validation",
      message,
      field: "date",
      rule: "R-PERIOD",
      problems: [{ field: "date", message, rule: "R-PERIOD" }],
    } satisfies ErrorPayload);
    renderWithApp(<ExpenseModal grant={GRANT} today="2026-11-26" onClose={vi.fn()} />);

    await typeDate("expense_date", "2019-03-25");
    change("expense_summary", "办公用品");
    await pick(user, "expense_category", "人员劳务费");
    change("expense_amount", "100");
    change("expense_payee", "张三");
    await user.click(screen.getByTestId("expense-submit"));

    expect(itemOf("expense_date")).toContainElement(await screen.findByText(message));
    expect(itemOf("expense_date").querySelector("[data-rule]")).toHaveTextContent("R-PERIOD");
  });
});

describe("凭证 list", SLOW, () => {
  beforeEach(() => {
    vi.mocked(grantYearsList).mockReset();
    vi.mocked(monthsList).mockReset().mockResolvedValue(MONTHS);
    vi.mocked(spendOptions).mockReset().mockResolvedValue(SPEND_OPTIONS);
    vi.mocked(vouchersList).mockReset();
    vi.mocked(voucherReverse).mockReset();
  });

  it("defaults to the executing year, else the latest", () => {
    const y = (id: number, year: number, status: typeof GRANT.status) => ({
      ...GRANT,
      id,
      year,
      status,
    });
    const books = (years: (typeof GRANT)[]) => defaultGrantYear(years, "execution");
    expect(books([])).toBeNull();
    expect(books([y(1, 2019, "closed"), y(2, 2020, "executing"), y(3, 2021, "applying")])?.id).toBe(
      2,
    );
    expect(books([y(1, 2019, "closed"), y(3, 2021, "applying")])?.id).toBe(3);
  });

  it("links an original and its red-ink reversal both ways, and opens the double entry", async () => {
    const user = userEvent.setup();
    vi.mocked(grantYearsList).mockResolvedValue([GRANT]);
    // Rust lists the newest first.
    vi.mocked(vouchersList).mockResolvedValue({ total: 3, items: [REVERSAL, EXPENSE, RECEIPT] });
    renderWithApp(<BooksPage session={session()} />);

    const table = await screen.findByTestId("voucher-table");
    await within(table).findByText("记-2019-0003");
    expect(vouchersList).toHaveBeenCalledWith({
      grantYearId: 1,
      month: null,
      page: 1,
      pageSize: 20,
    });
    expect(within(table).getByTestId("voucher-reversed-by")).toHaveTextContent(
      "已冲销 → 记-2019-0003",
    );
    expect(within(table).getByTestId("voucher-reverses")).toHaveTextContent("冲销 记-2019-0002");
    expect(
      within(table)
        .getAllByTestId("voucher-number")
        .map((n) => n.textContent),
    ).toStrictEqual(["记-2019-0003", "记-2019-0002", "记-2019-0001"]);
    const amounts = within(table).getAllByTestId("voucher-amount");
    expect(amounts.map((a) => a.textContent)).toStrictEqual([
      "-1,280.50",
      "1,280.50",
      "180,000.00",
    ]);
    expect(amounts[0]).toHaveAttribute("data-negative", "true");
    expect(amounts[0]).toHaveClass("amount-negative");
    expect(amounts[1]).not.toHaveClass("amount-negative");
    expect(screen.getByText("共 3 张凭证，新的在前")).toBeInTheDocument();

    // Opening the original shows its lines and attachments, and no second 冲销.
    await user.click(within(table).getByText("购买社区活动物资"));
    const detail = await screen.findByTestId("voucher-detail");
    const lines = within(detail).getByTestId("voucher-lines");
    expect(lines).toHaveTextContent("5101业务活动成本 — 项目活动费");
    expect(lines).toHaveTextContent("1,280.50");
    expect(within(detail).getByTestId("voucher-attachments")).toHaveTextContent("发票.png");
    expect(within(detail).getByText(/由 记-2019-0003 冲销/)).toBeInTheDocument();
    expect(within(detail).queryByTestId("voucher-reverse")).not.toBeInTheDocument();
  });

  it("reverses an expense with a date and a reason, and shows a refusal", async () => {
    const user = userEvent.setup();
    const open = {
      ...EXPENSE,
      reversedBy: null,
      actions: voucherActions("记-2019-0002", "original"),
    };
    vi.mocked(grantYearsList).mockResolvedValue([GRANT]);
    vi.mocked(vouchersList).mockResolvedValue({ total: 1, items: [open] });
    const message = "2019年4月已结账，不能再记入凭证。如确需补记，请先在“结账”中写明原因反结账";
    vi.mocked(voucherReverse).mockRejectedValue({
      code: "validation",
      message,
      field: "date",
      rule: "R-PERIOD",
      problems: [{ field: "date", message, rule: "R-PERIOD" }],
    } satisfies ErrorPayload);
    renderWithApp(<BooksPage session={session()} />);

    await user.click(await screen.findByText("购买社区活动物资"));
    await user.click(await screen.findByTestId("voucher-reverse"));
    await typeDate("reversal_date", "2019-04-05");
    change("reversal_reason", "金额录入错误");
    await user.click(screen.getByTestId("reversal-submit"));

    expect(itemOf("reversal_date")).toContainElement(await screen.findByText(message));
    expect(itemOf("reversal_date").querySelector("[data-rule]")).toHaveTextContent("R-PERIOD");
    expect(voucherReverse).toHaveBeenCalledWith({
      voucherId: 2,
      date: "2019-04-05",
      reason: "金额录入错误",
    });
  });
});

describe("结账", SLOW, () => {
  beforeEach(() => {
    vi.mocked(monthClose).mockReset();
    vi.mocked(monthReopen).mockReset().mockResolvedValue(undefined);
  });

  it("requires a reason to reopen, then sends it", async () => {
    const user = userEvent.setup();
    renderWithApp(<PeriodTab view={MONTHS} />);

    expect(screen.getByTestId("month-status-2019-03")).toHaveTextContent("已结账");
    expect(screen.getByTestId("month-status-2019-04")).toHaveTextContent("未结账");
    expect(screen.getByTestId("period-events")).toHaveTextContent("2019年3月");
    await user.click(screen.getByTestId("month-reopen-2019-03"));
    await user.click(await screen.findByTestId("reopen-submit"));

    expect(await screen.findByText("反结账必须写明原因")).toBeInTheDocument();
    expect(monthReopen).not.toHaveBeenCalled();

    change("reopen_reason", "补记遗漏的3月办公费发票");
    await user.click(screen.getByTestId("reopen-submit"));
    await waitFor(() =>
      expect(monthReopen).toHaveBeenCalledWith("2019-03", "补记遗漏的3月办公费发票"),
    );
  });

  it("shows a refused close (out of order) with its rule id", async () => {
    const user = userEvent.setup();
    const message = "请按月份顺序结账：2019年3月还有凭证未结账，先结2019年3月";
    vi.mocked(monthClose).mockRejectedValue({
      code: "validation",
      message,
      field: "month",
      rule: "R-PERIOD",
      problems: [{ field: "month", message, rule: "R-PERIOD" }],
    } satisfies ErrorPayload);
    renderWithApp(<PeriodTab view={MONTHS} />);

    await user.click(screen.getByTestId("month-close-2019-04"));
    await user.click(await screen.findByRole("button", { name: "结 账" }));

    const alert = await screen.findByTestId("period-error");
    expect(alert).toHaveTextContent(message);
    expect(alert.querySelector("[data-rule]")).toHaveTextContent("R-PERIOD");
    expect(monthClose).toHaveBeenCalledWith("2019-04");
  });
});

describe("报表", () => {
  it("预算执行表: category rows under city/district/total groups, and the totals row", () => {
    renderWithApp(<ExecutionTable report={EXECUTION} />);
    const table = screen.getByTestId("report-execution");
    for (const h of ["市级专项资金", "区级配套资金", "合计", "预算", "已支出", "剩余", "执行率"])
      expect(within(table).getAllByText(h).length).toBeGreaterThan(0);
    expect(within(table).getByText("项目活动费")).toBeInTheDocument();
    const total = screen.getByTestId("report-execution-total");
    expect(total).toHaveTextContent("合计");
    expect(total).toHaveTextContent(
      /180,000\.00\s*99,000\.00\s*81,000\.00\s*55\.00%.*360,000\.00\s*99,000\.00\s*261,000\.00\s*27\.50%/,
    );
  });

  it("收支明细账: running balance, the reversal in red, and the totals", () => {
    renderWithApp(<LedgerTable report={LEDGER} />);
    expect(screen.getByTestId("report-ledger-title")).toHaveTextContent("市级专项资金");
    const reversal = screen.getByText(REVERSAL.summary).closest("tr")!;
    expect(reversal).toHaveClass("ledger-reversal");
    expect(within(reversal).getByText("-1,280.50")).toHaveClass("amount-negative");
    expect(within(reversal).getByText("180,000.00")).toBeInTheDocument();
    expect(screen.getByTestId("report-ledger-total")).toHaveTextContent(
      /合计\s*180,000\.00\s*0\.00\s*180,000\.00/,
    );
  });

  it("业务活动表: labels indented by level", () => {
    renderWithApp(<ActivitiesTable report={ACTIVITIES} />);
    expect(screen.getByText("其中：市级专项资金")).toHaveAttribute("data-level", "2");
    expect(screen.getByText("一、收入")).toHaveStyle({ fontWeight: "600" });
    expect(screen.getByText(/民间非营利组织会计制度（2004）/)).toBeInTheDocument();
  });
});

describe("报表 tab", SLOW, () => {
  it("asks for the 预算执行表 before it shows, and shows it with its totals at once", async () => {
    const user = userEvent.setup();
    vi.mocked(grantYearsList).mockReset().mockResolvedValue([GRANT]);
    vi.mocked(monthsList).mockReset().mockResolvedValue(MONTHS);
    vi.mocked(spendOptions).mockReset().mockResolvedValue(SPEND_OPTIONS);
    vi.mocked(vouchersList).mockReset().mockResolvedValue({ total: 0, items: [] });
    const answer = deferred<BudgetExecution>();
    vi.mocked(reportBudgetExecution).mockReset().mockReturnValue(answer.promise);
    renderWithApp(<BooksPage session={session()} />);

    await user.click(await screen.findByRole("tab", { name: "报表" }));
    expect(reportBudgetExecution).toHaveBeenCalledWith(1);
    expect(screen.queryByTestId("report-kind")).toBeNull();

    answer.resolve(EXECUTION);
    // The tab's first render holds the report: no skeleton in between.
    await screen.findByTestId("report-kind");
    expect(screen.getByTestId("report-execution-total")).toHaveTextContent("合计");
    expect(reportBudgetExecution).toHaveBeenCalledTimes(1);
  });
});

describe("科目表版本", SLOW, () => {
  const Y2026 = {
    ...GRANT,
    id: 7,
    year: 2026,
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
  };

  beforeEach(() => {
    vi.mocked(grantYearsList).mockReset().mockResolvedValue([Y2026]);
    vi.mocked(monthsList).mockReset().mockResolvedValue(MONTHS);
    vi.mocked(spendOptions).mockReset().mockResolvedValue(SPEND_OPTIONS);
    vi.mocked(vouchersList).mockReset().mockResolvedValue({ total: 0, items: [] });
    vi.mocked(chartGet).mockReset().mockResolvedValue(CHART_2024);
  });

  it("the 记账 page names the selected year's chart, and the 科目表 tab shows it with its roles", async () => {
    const user = userEvent.setup();
    renderWithApp(<BooksPage session={session()} />);
    expect(await screen.findByTestId("books-chart")).toHaveTextContent(
      "科目表版本：民间非营利组织会计制度（2024年修订）",
    );
    expect(chartGet).toHaveBeenCalledWith(7);
    await user.click(screen.getByRole("tab", { name: "科目表" }));
    const version = await screen.findByTestId("chart-version");
    expect(version).toHaveTextContent(
      "科目表版本：民间非营利组织会计制度（2024年修订）（2026-01-01 起施行）",
    );
    expect(version).toHaveTextContent("未能取得制度附录");
    // 管理费用 is 5301 here and carries the admin role; 5201 is 税金及附加 and carries none.
    const expenses = screen.getByTestId("chart-kind-expense");
    const admin = within(expenses).getByText("管理费用").closest("tr")!;
    expect(admin).toHaveTextContent("5301");
    expect(within(admin).getByTestId("chart-role-admin_expense")).toBeInTheDocument();
    const taxes = within(expenses).getByText("税金及附加").closest("tr")!;
    expect(taxes).toHaveTextContent("5201");
    expect(within(taxes).queryByTestId("chart-role-admin_expense")).toBeNull();
  });

  it("every report names its chart", () => {
    const name = "民间非营利组织会计制度（2024年修订）";
    const reports = [
      <ExecutionTable key="e" report={{ ...EXECUTION, year: 2026, chartName: name }} />,
      <LedgerTable key="l" report={{ ...LEDGER, chartName: name }} />,
      <FundsTables
        key="f"
        report={{
          year: 2026,
          matchRatio: "1:1",
          sources: [],
          total: {
            source: "city",
            due: "0.00",
            received: "0.00",
            outstanding: "0.00",
            percent: "—",
            firstReceived: null,
            lastReceived: null,
          },
          receipts: [],
          arrears: null,
          matchingStatus: "",
          chartName: name,
        }}
      />,
      <ActivitiesTable key="a" report={{ ...ACTIVITIES, year: 2026, chartName: name }} />,
    ];
    for (const report of reports) {
      const { unmount } = renderWithApp(report);
      expect(screen.getByTestId("report-chart")).toHaveTextContent(`科目表版本：`);
      expect(screen.getByTestId("report-chart")).toHaveTextContent(name);
      unmount();
    }
  });
});

describe("首页", () => {
  it("counts the current year's vouchers on the 记账 card, from 首页's own answer", async () => {
    vi.mocked(homeOverview).mockResolvedValue(homeWith(grantDetail(), 4));
    vi.mocked(vouchersList).mockReset();
    renderWithApp(<HomePage session={session()} />);

    const card = await screen.findByTestId("home-area-记账");
    await within(card).findByText("2019 年度已有 4 张凭证");
    expect(within(card).getByRole("link", { name: "查看凭证和报表" })).toHaveAttribute(
      "href",
      "/books",
    );
    // One question for the first screen: the count comes with the overview.
    expect(vouchersList).not.toHaveBeenCalled();
    expect(screen.getByTestId("home-page")).toHaveAttribute("data-ready", "true");
  });

  it("keeps the 记账 card empty while the current year holds no voucher", async () => {
    vi.mocked(homeOverview).mockResolvedValue(homeWith(grantDetail()));
    renderWithApp(<HomePage session={session()} />);

    const card = await screen.findByTestId("home-area-记账");
    expect(await within(card).findByText("尚未记录收支")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "去记账" })).toHaveAttribute("href", "/books");
  });
});

describe("prepareBooks (记账 opened from the menu)", () => {
  it("asks for the year the address names, and no cash line for a year not yet executing", async () => {
    const approved = {
      ...GRANT,
      id: 2,
      year: 2020,
      status: "approved" as const,
      actions: grantActions(2020, "approved"),
    };
    vi.mocked(grantYearsList).mockResolvedValue([GRANT, approved]);
    vi.mocked(vouchersList).mockReset().mockResolvedValue({ total: 0, items: [] });
    vi.mocked(monthsList).mockReset().mockResolvedValue(MONTHS);
    vi.mocked(spendOptions).mockReset().mockResolvedValue(SPEND_OPTIONS);
    const client = makeQueryClient();

    await prepareBooks(client, new URLSearchParams("year=2020"));
    expect(vouchersList).toHaveBeenCalledWith({
      grantYearId: 2,
      month: null,
      page: 1,
      pageSize: 20,
    });
    expect(monthsList).toHaveBeenCalledWith(2);
    expect(chartGet).toHaveBeenCalledWith(2);
    expect(spendOptions).not.toHaveBeenCalled();

    // Without a year in the address: the executing one, with its cash line.
    await prepareBooks(client, new URLSearchParams());
    expect(vouchersList).toHaveBeenLastCalledWith({
      grantYearId: 1,
      month: null,
      page: 1,
      pageSize: 20,
    });
    expect(spendOptions).toHaveBeenCalledWith(1);
  });
});
