// The member form and the import problem table against a mocked IPC.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorPayload, ImportProblem } from "../../ipc";
import { listEntries, memberCreate } from "../../ipc";
import { renderWithApp } from "../../test/render";
import { ProblemTable } from "./ImportWizard";
import MemberForm from "./MemberForm";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  memberCreate: vi.fn(),
  listEntries: vi.fn(),
}));

const create = vi.mocked(memberCreate);
const lists = vi.mocked(listEntries);

describe("MemberForm", () => {
  beforeEach(() => {
    create.mockReset();
    lists.mockReset();
    lists.mockResolvedValue([{ id: 1, name: "公益服务类", memberCount: 0 }]);
  });

  it("puts a validation problem from Rust under its field", async () => {
    const user = userEvent.setup();
    const message = "统一社会信用代码与已有成员单位“幸福志愿服务队”重复，请核对";
    const rejection: ErrorPayload = {
      code: "validation",
      message,
      field: "creditCode",
      rule: null,
      problems: [
        { field: "creditCode", message, rule: null },
        { field: "joinedOn", message: "请输入加入日期", rule: null },
      ],
    };
    create.mockRejectedValue(rejection);
    renderWithApp(<MemberForm initial={null} today="2026-11-26" />);

    fireEvent.change(document.getElementById("member_name")!, { target: { value: "新的队" } });
    fireEvent.change(document.getElementById("member_creditCode")!, {
      target: { value: "52320102MJ5000001X" },
    });
    await user.click(screen.getByTestId("member-save"));

    const error = await screen.findByText(message);
    expect(error).toHaveClass("ant-form-item-explain-error");
    const item = document.getElementById("member_creditCode")!.closest(".ant-form-item")!;
    expect(item).toContainElement(error);
    expect(await screen.findByText("请输入加入日期")).toHaveClass("ant-form-item-explain-error");
    expect(create.mock.calls[0][0]).toMatchObject({
      name: "新的队",
      legalForm: "registered",
      creditCode: "52320102MJ5000001X",
      filingNo: "",
      joinedOn: "",
      status: "active",
    });
  });

  it("asks for a filing number instead of a credit code for a filed organization", async () => {
    const user = userEvent.setup();
    renderWithApp(<MemberForm initial={null} today="2026-11-26" />);
    await user.click(screen.getByText("备案"));
    await waitFor(() => expect(document.getElementById("member_filingNo")).toBeInTheDocument());
    expect(document.getElementById("member_creditCode")).not.toBeInTheDocument();
  });
});

describe("ProblemTable", () => {
  it("renders row, column and problem", () => {
    const problems: ImportProblem[] = [
      { row: 3, column: "统一社会信用代码", message: "校验位不正确：第18位应为 Y" },
      { row: 0, column: "单位名称", message: "找不到“单位名称”列" },
    ];
    renderWithApp(<ProblemTable problems={problems} />);
    const table = screen.getByTestId("import-problems");
    for (const h of ["行", "列", "问题"]) expect(within(table).getByText(h)).toBeInTheDocument();
    const row = within(table).getByText("第3行").closest("tr")!;
    expect(within(row).getByText("统一社会信用代码")).toBeInTheDocument();
    expect(within(row).getByText("校验位不正确：第18位应为 Y")).toBeInTheDocument();
    expect(within(table).getByText("整个文件")).toBeInTheDocument();
  });
});
