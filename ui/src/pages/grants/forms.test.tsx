// The 年度资助 forms against a mocked IPC: the exact inputs they send, and where Rust's refusals land
// (under their fields, with the rule id; budget lines in their cells; totals in an Alert).
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorPayload } from "../../ipc";
import { budgetSet, grantYearCreate, receiptAdd } from "../../ipc";
import { renderWithApp } from "../../test/render";
import { CATEGORIES, grantDetail, POLICY } from "../../test/grants";
import BudgetEditor, { linesToSend } from "./BudgetEditor";
import GrantYearModal from "./GrantYearModal";
import ReceiptModal from "./ReceiptModal";
import { withStatus } from "../../test/rust";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  // Rust's own answers for the texts typed (vi.mock is hoisted above the imports).
  moneyPreview: vi.fn(async (texts: string[]) =>
    (await import("../../test/rust")).rustMoneyPreview(texts),
  ),
  grantYearCreate: vi.fn(),
  receiptAdd: vi.fn(),
  budgetSet: vi.fn(),
  budgetAdjust: vi.fn(),
}));

function change(id: string, value: string) {
  fireEvent.change(document.getElementById(id)!, { target: { value } });
}

/** The form item (label, input, messages) that holds the input with this id. */
function itemOf(id: string): HTMLElement {
  return document.getElementById(id)!.closest(".ant-form-item") as HTMLElement;
}

describe("新建年度资助", () => {
  beforeEach(() => {
    vi.mocked(grantYearCreate).mockReset();
  });

  it("proposes the year, shows the policy band, and puts an R-BAND refusal under the amount", async () => {
    const user = userEvent.setup();
    const message =
      "市级资助金额应在 150,000.00 元至 200,000.00 元之间（南京市 2018 社联会试点），现在是 210,000.00 元，请按批复金额填写";
    vi.mocked(grantYearCreate).mockRejectedValue({
      code: "validation",
      message,
      field: "cityAmount",
      rule: "R-BAND",
      problems: [{ field: "cityAmount", message, rule: "R-BAND" }],
    } satisfies ErrorPayload);
    renderWithApp(
      <GrantYearModal defaultYear={2019} policy={POLICY} onClose={vi.fn()} onSaved={vi.fn()} />,
    );

    expect(document.getElementById("grantYear_year")).toHaveValue("2019");
    expect(screen.getByTestId("grant-band")).toHaveTextContent(
      "本政策范围：150,000.00 – 200,000.00 元",
    );
    change("grantYear_cityAmount", "210000");
    await user.click(screen.getByTestId("grant-create-submit"));

    const error = await screen.findByText(message);
    const item = itemOf("grantYear_cityAmount");
    expect(item).toContainElement(error);
    expect(error.closest(".ant-form-item-explain-error")).toHaveTextContent(`${message}R-BAND`);
    expect(item.querySelector("[data-rule='R-BAND']")).toHaveTextContent("R-BAND");
    expect(grantYearCreate).toHaveBeenCalledWith({
      year: 2019,
      cityAmount: "210000",
      periodStart: "",
      periodEnd: "",
    });
    expect(screen.queryByTestId("grant-form-error")).not.toBeInTheDocument();
  });

  it("puts an R-YEARS refusal under the year", async () => {
    const user = userEvent.setup();
    const message =
      "按“南京市 2018 社联会试点”，同一社联会最多获得 2 个年度的资助，本会已有 2019年、2020年，不能再申报 2021 年度";
    vi.mocked(grantYearCreate).mockRejectedValue({
      code: "validation",
      message,
      field: "year",
      rule: "R-YEARS",
      problems: [{ field: "year", message, rule: "R-YEARS" }],
    } satisfies ErrorPayload);
    renderWithApp(
      <GrantYearModal defaultYear={2021} policy={POLICY} onClose={vi.fn()} onSaved={vi.fn()} />,
    );

    change("grantYear_cityAmount", "15万");
    await user.click(screen.getByTestId("grant-create-submit"));

    expect(itemOf("grantYear_year")).toContainElement(await screen.findByText(message));
    expect(itemOf("grantYear_year").querySelector("[data-rule]")).toHaveTextContent("R-YEARS");
  });
});

describe("登记到账", () => {
  beforeEach(() => {
    vi.mocked(receiptAdd).mockReset();
  });

  it("sends the exact ReceiptInput, amount as typed", async () => {
    const user = userEvent.setup();
    vi.mocked(receiptAdd).mockResolvedValue(grantDetail());
    const onClose = vi.fn();
    renderWithApp(<ReceiptModal detail={grantDetail()} today="2026-11-26" onClose={onClose} />);

    // The first source that still owes is proposed: the district here.
    expect(screen.getByTestId("receipt-source-district").closest("label")).toHaveClass(
      "ant-radio-wrapper-checked",
    );
    await user.click(screen.getByTestId("receipt-source-city"));
    await user.click(screen.getByTestId("receipt-source-district"));
    const date = document.getElementById("receipt_date")!;
    await user.click(date);
    await user.type(date, "2019-04-10");
    await user.tab();
    change("receipt_amount", "8万");
    change("receipt_bankRef", " HD20190601003 ");
    change("receipt_note", "第二笔配套");
    await user.click(screen.getByTestId("receipt-submit"));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(receiptAdd).toHaveBeenCalledTimes(1);
    expect(vi.mocked(receiptAdd).mock.calls[0]).toStrictEqual([
      1,
      {
        source: "district",
        date: "2019-04-10",
        amount: "8万",
        bankRef: "HD20190601003",
        note: "第二笔配套",
      },
    ]);
  });

  it("puts an R-RECEIPT refusal under the amount", async () => {
    const user = userEvent.setup();
    const message =
      "区级配套尚应到账 80,000.00 元，本次登记 90,000.00 元超出 10,000.00 元。请核对银行回单金额";
    vi.mocked(receiptAdd).mockRejectedValue({
      code: "validation",
      message,
      field: "amount",
      rule: "R-RECEIPT",
      problems: [{ field: "amount", message, rule: "R-RECEIPT" }],
    } satisfies ErrorPayload);
    renderWithApp(<ReceiptModal detail={grantDetail()} today="2026-11-26" onClose={vi.fn()} />);

    const date = document.getElementById("receipt_date")!;
    await user.click(date);
    await user.type(date, "2019-06-01");
    await user.tab();
    change("receipt_amount", "90000");
    await user.click(screen.getByTestId("receipt-submit"));

    expect(itemOf("receipt_amount")).toContainElement(await screen.findByText(message));
    expect(itemOf("receipt_amount").querySelector("[data-rule]")).toHaveTextContent("R-RECEIPT");
  });
});

describe("编辑预算", () => {
  beforeEach(() => {
    vi.mocked(budgetSet).mockReset();
  });

  const approved = () =>
    grantDetail({
      grant: withStatus(grantDetail().grant, "approved"),
      budget: [],
      budgetCityTotal: "0.00",
      budgetDistrictTotal: "0.00",
      funds: grantDetail().funds.map((f) => ({ ...f, received: "0.00", outstanding: f.due })),
      arrears: null,
      receipts: [],
    });

  it("adds typed amounts exactly while typing, and says what is missing", async () => {
    renderWithApp(
      <BudgetEditor
        detail={approved()}
        categories={CATEGORIES}
        mode="set"
        today="2026-11-26"
        onDone={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    change("budget_lines_0_cityAmount", "100000");
    change("budget_lines_1_cityAmount", "5万");
    change("budget_lines_2_cityAmount", "29,999.99");

    // Rust reads the typed amounts (moneyPreview); the editor adds Rust's figures.
    await waitFor(() =>
      expect(screen.getByTestId("budget-live-city")).toHaveTextContent("179,999.99"),
    );
    expect(screen.getByText("还差 0.01")).toBeInTheDocument();
    change("budget_lines_2_cityAmount", "30,000.00");
    await waitFor(() =>
      expect(screen.getByTestId("budget-live-city")).toHaveTextContent("180,000.00"),
    );
  });

  it("sends the typed lines and puts lines.<i> problems in their cells, totals in an alert", async () => {
    const user = userEvent.setup();
    const cell0 = "项目活动费（市级）：金额最多两位小数";
    const cell2 = "培训费（区级）：金额里有无法识别的字符";
    const total =
      "市级专项资金预算合计 0.00 元，应等于市级专项资金金额 180,000.00 元，还差 180,000.00 元未分配。请调整各科目金额";
    vi.mocked(budgetSet).mockRejectedValue({
      code: "validation",
      message: cell0,
      field: "lines.0.cityAmount",
      rule: null,
      problems: [
        { field: "lines.0.cityAmount", message: cell0, rule: null },
        // The second line sent is the form's third row (the second row was left empty).
        { field: "lines.1.districtAmount", message: cell2, rule: null },
        { field: "cityTotal", message: total, rule: "R-BUDGET" },
      ],
    } satisfies ErrorPayload);
    renderWithApp(
      <BudgetEditor
        detail={approved()}
        categories={CATEGORIES}
        mode="set"
        today="2026-11-26"
        onDone={vi.fn()}
        onCancel={vi.fn()}
      />,
    );

    change("budget_lines_0_cityAmount", "100000.001");
    change("budget_lines_2_districtAmount", "三万");
    await user.click(screen.getByTestId("budget-save"));

    expect(itemOf("budget_lines_0_cityAmount")).toContainElement(await screen.findByText(cell0));
    expect(itemOf("budget_lines_2_districtAmount")).toContainElement(screen.getByText(cell2));
    const alert = screen.getByTestId("budget-error");
    expect(alert).toHaveTextContent(total);
    expect(alert.querySelector("[data-rule]")).toHaveTextContent("R-BUDGET");
    expect(vi.mocked(budgetSet).mock.calls[0]).toStrictEqual([
      1,
      [
        { category: "activity", cityAmount: "100000.001", districtAmount: "" },
        { category: "training", cityAmount: "", districtAmount: "三万" },
      ],
    ]);
  });

  it("keeps the form row of each line it sends", () => {
    expect(
      linesToSend([
        { category: "a", cityAmount: "", districtAmount: " " },
        { category: "b", cityAmount: "1", districtAmount: "" },
      ]),
    ).toStrictEqual({ lines: [{ category: "b", cityAmount: "1", districtAmount: "" }], rows: [1] });
  });
});
