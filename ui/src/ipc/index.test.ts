// The command names and argument shapes are the contract with the Rust side; check them here once.
import { invoke } from "@tauri-apps/api/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { FederationInput, ReceiptInput } from "./index";
import {
  attachmentStore,
  budgetAdjust,
  budgetCategoryRename,
  budgetSet,
  errorMessage,
  federationSave,
  grantYearApprove,
  grantYearCreate,
  grantYearGet,
  homeOverview,
  isErrorPayload,
  monthReopen,
  policySave,
  receiptAdd,
  reportLedger,
  reportsExport,
  sessionGet,
  spendOptions,
  UNKNOWN_ERROR_MESSAGE,
  voucherAttach,
  vouchersList,
} from "./index";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const invokeMock = vi.mocked(invoke);

describe("ipc", () => {
  beforeEach(() => {
    invokeMock.mockReset();
  });

  it("calls the Rust commands by their names, with input wrapped as { input }", async () => {
    invokeMock.mockResolvedValue({});
    const input = { name: "某社联会" } as FederationInput;

    await sessionGet();
    await federationSave(input);

    expect(invokeMock).toHaveBeenNthCalledWith(1, "session_get");
    expect(invokeMock).toHaveBeenNthCalledWith(2, "federation_save", { input });
  });

  it("sends grant-year ids as numbers, with arguments named as Tauri expects", async () => {
    invokeMock.mockResolvedValue({});
    const receipt: ReceiptInput = {
      source: "district",
      date: "2019-04-10",
      amount: "100000",
      bankRef: "",
      note: "",
    };
    const id = 7;

    await grantYearGet(id);
    await grantYearCreate({ year: 2019, cityAmount: "18万", periodStart: "", periodEnd: "" });
    await grantYearApprove(id, { docNo: "宁民发〔2019〕12号", date: "2019-03-01" });
    await receiptAdd(id, receipt);
    await budgetSet(id, [{ category: "activity", cityAmount: "1", districtAmount: "" }]);
    await budgetAdjust(id, { date: "2019-06-01", reason: "调剂", lines: [] });
    await budgetCategoryRename("office", "办公用品费");
    await homeOverview();

    expect(id).toBe(7);
    expect(invokeMock.mock.calls).toStrictEqual([
      ["grant_year_get", { id: 7 }],
      [
        "grant_year_create",
        { input: { year: 2019, cityAmount: "18万", periodStart: "", periodEnd: "" } },
      ],
      ["grant_year_approve", { id: 7, input: { docNo: "宁民发〔2019〕12号", date: "2019-03-01" } }],
      ["receipt_add", { id: 7, input: receipt }],
      [
        "budget_set",
        { id: 7, lines: [{ category: "activity", cityAmount: "1", districtAmount: "" }] },
      ],
      ["budget_adjust", { id: 7, input: { date: "2019-06-01", reason: "调剂", lines: [] } }],
      ["budget_category_rename", { code: "office", name: "办公用品费" }],
      ["home_overview"],
    ]);
    expect(policySave).toBeTypeOf("function");
  });

  it("calls the 记账 commands by name; attachment bytes go as a raw body with the name in a header", async () => {
    invokeMock.mockResolvedValue({});
    const file = new File([new Uint8Array([37, 80, 68, 70])], "收据 3月.pdf", {
      type: "application/pdf",
    });

    await attachmentStore(file);
    await voucherAttach(4, [{ sha256: "c".repeat(64), fileName: "收据 3月.pdf" }]);
    await vouchersList({ grantYearId: 7, month: "2019-04", page: 2, pageSize: 20 });
    await spendOptions(7);
    await monthReopen("2019-03", "补记发票");
    await reportLedger({ grantYearId: 7, source: "city", category: null });
    await reportsExport(7);

    const [name, body, options] = invokeMock.mock.calls[0];
    expect(name).toBe("attachment_store");
    expect(body).toBeInstanceOf(Uint8Array);
    expect(Array.from(body as Uint8Array)).toStrictEqual([37, 80, 68, 70]);
    expect(options).toStrictEqual({
      headers: { "x-file-name": "%E6%94%B6%E6%8D%AE%203%E6%9C%88.pdf" },
    });
    expect(invokeMock.mock.calls.slice(1)).toStrictEqual([
      [
        "voucher_attach",
        { voucherId: 4, attachments: [{ sha256: "c".repeat(64), fileName: "收据 3月.pdf" }] },
      ],
      ["vouchers_list", { query: { grantYearId: 7, month: "2019-04", page: 2, pageSize: 20 } }],
      ["spend_options", { grantYearId: 7 }],
      ["month_reopen", { month: "2019-03", reason: "补记发票" }],
      ["report_ledger", { filter: { grantYearId: 7, source: "city", category: null } }],
      ["reports_export", { grantYearId: 7 }],
    ]);
  });

  it("recognises an ErrorPayload and gives its Chinese message", () => {
    const payload = {
      code: "storage",
      message: "数据库操作失败：磁盘已满",
      field: null,
      rule: null,
      problems: [],
    };
    expect(isErrorPayload(payload)).toBe(true);
    expect(errorMessage(payload)).toBe("数据库操作失败：磁盘已满");
  });

  it("falls back to a generic Chinese message for anything else", () => {
    for (const e of [
      new Error("boom"),
      "command not found",
      null,
      { code: "nope", message: "x" },
    ]) {
      expect(isErrorPayload(e)).toBe(false);
      expect(errorMessage(e)).toBe(UNKNOWN_ERROR_MESSAGE);
    }
    expect(UNKNOWN_ERROR_MESSAGE).toBe("发生未知错误，请重试");
  });
});
