// The profile form against a mocked IPC: labels, the exact input sent, and how Rust's validation
// problems land on their fields.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorPayload, FederationInput } from "../../ipc";
import { federationSave } from "../../ipc";
import { renderWithApp } from "../../test/render";
import FederationForm from "./FederationForm";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  federationSave: vi.fn(),
}));

const save = vi.mocked(federationSave);

const INPUT: FederationInput = {
  name: "鼓楼区某某街道社会组织联合会",
  creditCode: "51320106MJ5912345Y",
  street: "某某街道",
  district: "鼓楼区",
  recognitionDate: "",
  recognitionDocNo: "",
  legalRep: "王芳",
  secretary: "陈静",
  phone: "13912345678",
  address: "中山北路1号",
  bankName: "南京银行鼓楼支行",
  bankAccount: "0123456789",
};

// One change event per field instead of typing key by key: antd under jsdom re-renders the whole
// form on every keystroke, which makes typed input take seconds per test.
function fill(values: Partial<FederationInput>) {
  for (const [key, value] of Object.entries(values)) {
    if (key === "recognitionDate" || value === "") continue;
    fireEvent.change(document.getElementById(`federation_${key}`)!, { target: { value } });
  }
}

describe("FederationForm", () => {
  // A block body: a function returned from beforeEach would be run as a cleanup hook.
  beforeEach(() => {
    save.mockReset();
  });

  it("shows Chinese labels and the Chinese date placeholder", () => {
    renderWithApp(<FederationForm initial={null} today="2026-11-26" />);
    for (const label of [
      "社联会名称",
      "统一社会信用代码",
      "所属街道",
      "所属区",
      "认定日期",
      "认定文号",
      "法定代表人",
      "秘书/专职工作人员",
      "联系电话",
      "办公地址",
      "开户银行",
      "银行账号",
    ]) {
      expect(screen.getByText(label, { selector: "label" })).toBeInTheDocument();
    }
    expect(screen.getByText("18位，见登记证书")).toBeInTheDocument();
    expect(screen.getByPlaceholderText("请选择日期")).toHaveAttribute(
      "id",
      "federation_recognitionDate",
    );
  });

  it("sends the exact FederationInput, with an empty recognition date as an empty string", async () => {
    const user = userEvent.setup();
    save.mockResolvedValue({ ...INPUT, recognitionDate: null, updatedAt: "2026-11-26 10:00:00" });
    const onSaved = vi.fn();
    renderWithApp(<FederationForm initial={null} today="2026-11-26" onSaved={onSaved} />);

    fill(INPUT);
    await user.click(screen.getByTestId("federation-save"));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0]).toStrictEqual(INPUT);
  });

  it("sends a saved recognition date back as YYYY-MM-DD", async () => {
    const user = userEvent.setup();
    const initial = {
      ...INPUT,
      recognitionDate: "2023-05-08",
      recognitionDocNo: "鼓民〔2023〕12号",
      updatedAt: "2026-01-01 09:00:00",
    };
    save.mockResolvedValue(initial);
    renderWithApp(<FederationForm initial={initial} today="2026-11-26" />);

    expect(document.getElementById("federation_recognitionDate")).toHaveValue("2023-05-08");
    await user.click(screen.getByTestId("federation-save"));

    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0][0]).toStrictEqual({
      ...INPUT,
      recognitionDate: "2023-05-08",
      recognitionDocNo: "鼓民〔2023〕12号",
    });
  });

  it("puts a validation problem from Rust under its field", async () => {
    const user = userEvent.setup();
    const message = "统一社会信用代码校验位不正确：第18位应为 Y，现在是 X。请核对证书上的代码";
    const rejection: ErrorPayload = {
      code: "validation",
      message,
      field: "creditCode",
      rule: null,
      problems: [{ field: "creditCode", message, rule: null }],
    };
    save.mockRejectedValue(rejection);
    renderWithApp(<FederationForm initial={null} today="2026-11-26" />);

    fill({ ...INPUT, creditCode: "51320106MJ5912345X" });
    await user.click(screen.getByTestId("federation-save"));

    const error = await screen.findByText(message);
    expect(error).toHaveClass("ant-form-item-explain-error");
    const item = document.getElementById("federation_creditCode")!.closest(".ant-form-item")!;
    expect(item).toContainElement(error);
    expect(screen.queryByTestId("federation-form-error")).not.toBeInTheDocument();
  });

  it("shows problems for unknown fields, and other errors, in an alert above the buttons", async () => {
    const user = userEvent.setup();
    save.mockRejectedValue({
      code: "validation",
      message: "名称已被使用",
      field: "name",
      rule: "R-1",
      problems: [
        { field: "name", message: "名称已被使用", rule: "R-1" },
        { field: "somethingElse", message: "整体信息不一致", rule: null },
      ],
    } satisfies ErrorPayload);
    renderWithApp(<FederationForm initial={null} today="2026-11-26" />);

    fill(INPUT);
    await user.click(screen.getByTestId("federation-save"));

    expect(await screen.findByText("名称已被使用")).toHaveClass("ant-form-item-explain-error");
    expect(screen.getByTestId("federation-form-error")).toHaveTextContent("整体信息不一致");
  });

  it("asks for required fields without calling Rust", async () => {
    const user = userEvent.setup();
    renderWithApp(<FederationForm initial={null} today="2026-11-26" />);

    await user.click(screen.getByTestId("federation-save"));

    expect(await screen.findByText("请输入社联会名称")).toBeInTheDocument();
    expect(save).not.toHaveBeenCalled();
  });
});
