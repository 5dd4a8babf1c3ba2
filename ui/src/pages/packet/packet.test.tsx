// The 申报材料 page against a mocked IPC: a blocking line disables the export and its button goes to
// the screen that fixes it; saving the text re-runs the checklist; the export shows its steps, then
// where the ZIP went and its files; a picked ZIP that does not verify shows the reason.
/// <reference types="node" />
import { readFileSync } from "node:fs";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ErrorPayload, ExportProgress, PacketReport, Preflight } from "../../ipc";
import {
  grantYearGet,
  grantYearsList,
  packetDraftGet,
  packetDraftSave,
  packetExport,
  packetPreflight,
  packetReveal,
  packetVerify,
} from "../../ipc";
import { grantDetail } from "../../test/grants";
import { defaultGrantYear } from "../../kit/GrantYearScope";
import { renderWithApp, session } from "../../test/render";
import PacketPage from "./index";
import { fileSize, STANDARD_COMMITMENT } from "./labels";
import { withStatus } from "../../test/rust";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  grantYearGet: vi.fn(),
  grantYearsList: vi.fn(),
  packetDraftGet: vi.fn(),
  packetDraftSave: vi.fn(),
  packetExport: vi.fn(),
  packetPreflight: vi.fn(),
  packetReveal: vi.fn(),
  packetVerify: vi.fn(),
}));

// Forms with text areas and tabs are slow under jsdom on a busy 2-core machine.
const SLOW = { timeout: 60_000 };

const Y1 = grantDetail().grant;
const DETAIL = grantDetail({
  grant: withStatus({ ...Y1, id: 2, year: 2020, sequence: 2 }, "executing"),
  total: "400000.00",
  totalDaxie: "肆拾万元整",
});
const Y2 = DETAIL.grant;

const BLOCKED: Preflight = {
  items: [
    {
      level: "warning",
      message: "区级配套欠拨 100,000.00 元，已 120 天：申报时请一并说明",
      rule: "R-ARREARS",
      link: "/grants/2",
      action: "查看",
    },
    {
      level: "blocking",
      message: "请填写本年度工作计划（申报书第三部分）",
      rule: null,
      link: "/packet",
      action: "去填写",
    },
    {
      level: "blocking",
      message: "预算未平衡：市级合计 150,000.00 元（应为 200,000.00 元）",
      rule: "R-BUDGET",
      link: "/grants/2",
      action: "去编制预算",
    },
  ],
  blocking: 2,
  year: 2020,
  sequenceLabel: "第2年",
  members: 48,
  projects: 5,
  total: "400000.00",
  totalDaxie: "肆拾万元整",
};

const CLEAR: Preflight = { ...BLOCKED, items: [BLOCKED.items[0]], blocking: 0 };

const DRAFT = {
  grantYearId: 2,
  plan: "",
  previousSummary: "",
  commitment: "",
  satisfactionTarget: "90",
  budgetNotes: [],
  updatedAt: null,
};

const REPORT: PacketReport = {
  path: "/home/mishu/Downloads/packet-2020-20261126.zip",
  fileName: "packet-2020-20261126.zip",
  federation: "示例街道社区社会组织联合会",
  year: 2020,
  total: "400000.00",
  members: 48,
  projects: 5,
  pdfPages: 14,
  generatedOn: "2026-11-26",
  files: [
    {
      name: "2020年度申报材料/申报书.pdf",
      size: 1_843_200,
      sha256: "a1b2c3d4e5f6" + "0".repeat(52),
    },
    { name: "2020年度申报材料/附表.xlsx", size: 23_552, sha256: "0f1e2d3c4b5a" + "1".repeat(52) },
  ],
};

function renderPage() {
  return renderWithApp(
    <Routes>
      <Route path="/packet" element={<PacketPage session={session()} />} />
      <Route path="/grants/:id" element={<div data-testid="grant-page">年度资助页面</div>} />
    </Routes>,
    { route: "/packet" },
  );
}

describe("申报材料", SLOW, () => {
  beforeEach(() => {
    vi.mocked(grantYearsList).mockReset().mockResolvedValue([Y1, Y2]);
    vi.mocked(grantYearGet).mockReset().mockResolvedValue(DETAIL);
    vi.mocked(packetDraftGet).mockReset().mockResolvedValue(DRAFT);
    vi.mocked(packetDraftSave).mockReset();
    vi.mocked(packetPreflight).mockReset();
    vi.mocked(packetExport).mockReset();
    vi.mocked(packetReveal).mockReset().mockResolvedValue();
    vi.mocked(packetVerify).mockReset();
  });

  it("defaults to a year being applied for, else the executing one, else the latest", () => {
    const y = (id: number, year: number, status: typeof Y1.status) => ({ ...Y1, id, year, status });
    const defaultPacketYear = (years: (typeof Y1)[]) => defaultGrantYear(years, "application");
    expect(defaultPacketYear([])).toBeNull();
    expect(
      defaultPacketYear([y(1, 2019, "executing"), y(2, 2020, "applying"), y(3, 2018, "closed")])
        ?.id,
    ).toBe(2);
    expect(defaultPacketYear([y(1, 2019, "closed"), y(2, 2020, "executing")])?.id).toBe(2);
    expect(defaultPacketYear([y(1, 2019, "closed"), y(3, 2021, "approved")])?.id).toBe(3);
  });

  it("shows the standard commitment exactly as the PDF prints it", () => {
    // The window's text is generated from the one Rust constant the PDF prints.
    const packetRs = readFileSync(`${process.cwd()}/../src-tauri/core/src/books/packet.rs`, "utf8");
    for (const paragraph of STANDARD_COMMITMENT) expect(packetRs).toContain(`"${paragraph}"`);
    const rust = /STANDARD_COMMITMENT: \[&str; (\d+)\]/.exec(packetRs);
    expect(Number(rust?.[1])).toBe(STANDARD_COMMITMENT.length);
    expect(fileSize(900)).toBe("900 字节");
    expect(fileSize(23_552)).toBe("23.0 KB");
    expect(fileSize(1_843_200)).toBe("1.76 MB");
  });

  it("disables the export while a blocking line remains, and a line's button opens its screen", async () => {
    const user = userEvent.setup();
    vi.mocked(packetPreflight).mockResolvedValue(BLOCKED);
    renderPage();

    const figures = await screen.findByTestId("packet-figures");
    await within(figures).findByText("48 家");
    expect(within(figures).getByTestId("packet-figure-year")).toHaveTextContent(
      "2020 年度第2年 执行中",
    );
    expect(figures).toHaveTextContent("400,000.00 元");
    expect(figures).toHaveTextContent("肆拾万元整");
    expect(figures).toHaveTextContent("市级 180,000.00 + 区级 180,000.00");
    expect(figures).toHaveTextContent("5 个");
    expect(packetPreflight).toHaveBeenCalledWith(2);

    // Blocking lines first, in red with their rule id; the warning after them.
    const items = await screen.findAllByTestId("preflight-item");
    expect(items.map((i) => i.getAttribute("data-level"))).toStrictEqual([
      "blocking",
      "blocking",
      "warning",
    ]);
    expect(items[0]).toHaveTextContent("必须处理请填写本年度工作计划");
    expect(within(items[1]).getByText("R-BUDGET")).toHaveAttribute("data-rule", "R-BUDGET");
    expect(items[2]).toHaveTextContent("提醒");
    expect(within(items[2]).getByText("R-ARREARS")).toBeInTheDocument();
    expect(screen.getByTestId("preflight-status")).toHaveTextContent(
      "还有 2 项必须先处理，处理后才能导出",
    );
    expect(screen.getByTestId("packet-export")).toBeDisabled();

    await user.click(within(items[1]).getByRole("button", { name: "去编制预算" }));
    expect(await screen.findByTestId("grant-page")).toBeInTheDocument();
    expect(packetExport).not.toHaveBeenCalled();
  });

  it("saves the text from a checklist line and checks again", async () => {
    const user = userEvent.setup();
    vi.mocked(packetPreflight).mockResolvedValueOnce(BLOCKED).mockResolvedValue(CLEAR);
    vi.mocked(packetDraftSave).mockImplementation(async (d) => ({
      ...d,
      updatedAt: "2026-11-26 10:30:00",
    }));
    renderPage();

    const items = await screen.findAllByTestId("preflight-item");
    await user.click(within(items[0]).getByRole("button", { name: "去填写" }));
    // The text tab, with a year-2 packet's 上年度工作情况 and the budget lines with their amounts.
    const plan = await screen.findByLabelText("本年度工作计划（申报书第三部分）");
    const summary = screen.getByLabelText("上年度工作情况（申报书第二部分）");
    await waitFor(() => expect(summary).toHaveFocus());
    const notes = screen.getByTestId("packet-budget-notes");
    expect(notes).toHaveTextContent("项目活动费100,000.00100,000.00200,000.00");
    expect(screen.getByTestId("packet-commitment")).toHaveAttribute(
      "placeholder",
      STANDARD_COMMITMENT.join("\n"),
    );

    fireEvent.change(summary, { target: { value: "2019年实施服务项目 5 个。" } });
    fireEvent.change(plan, { target: { value: "一、继续实施银龄助餐。\n二、培育社区社会组织。" } });
    expect(plan.closest(".ant-form-item")).toHaveTextContent("23 / 5000");
    fireEvent.change(screen.getByTestId("packet-note-activity"), {
      target: { value: "5 个服务项目的活动开支" },
    });
    fireEvent.change(screen.getByLabelText("服务对象满意度目标（绩效目标表）"), {
      target: { value: "95" },
    });
    expect(screen.getByRole("tab", { name: "申报书文字 *" })).toBeInTheDocument();
    await user.click(screen.getByTestId("packet-draft-save"));

    await waitFor(() => expect(packetDraftSave).toHaveBeenCalledTimes(1));
    expect(vi.mocked(packetDraftSave).mock.calls[0][0]).toStrictEqual({
      grantYearId: 2,
      plan: "一、继续实施银龄助餐。\n二、培育社区社会组织。",
      previousSummary: "2019年实施服务项目 5 个。",
      commitment: "",
      satisfactionTarget: "95",
      budgetNotes: [
        { category: "activity", note: "5 个服务项目的活动开支" },
        { category: "labor", note: "" },
        { category: "training", note: "" },
      ],
      updatedAt: null,
    });
    await waitFor(() => expect(packetPreflight).toHaveBeenCalledTimes(2));
    expect(await screen.findByTestId("packet-draft-saved")).toHaveTextContent(
      "上次保存：2026-11-26 10:30",
    );

    await user.click(screen.getByRole("tab", { name: /检查与导出/ }));
    expect(await screen.findByTestId("preflight-status")).toHaveTextContent("检查通过，可以导出");
    expect(screen.getByTestId("preflight-status")).toHaveTextContent("1 项提醒，不影响导出");
    expect(screen.getByTestId("packet-export")).toBeEnabled();
  });

  it("shows a refused save on its field", async () => {
    const user = userEvent.setup();
    vi.mocked(packetPreflight).mockResolvedValue(BLOCKED);
    const refusal: ErrorPayload = {
      code: "validation",
      message: "满意度目标不能超过100%",
      field: "satisfactionTarget",
      rule: null,
      problems: [
        { field: "satisfactionTarget", message: "满意度目标不能超过100%", rule: null },
        { field: "budgetNotes", message: "预算科目已不存在，请刷新后重试", rule: null },
      ],
    };
    vi.mocked(packetDraftSave).mockRejectedValue(refusal);
    renderPage();

    await user.click(await screen.findByRole("tab", { name: "申报书文字" }));
    const target = await screen.findByLabelText("服务对象满意度目标（绩效目标表）");
    fireEvent.change(target, { target: { value: "120" } });
    await user.click(screen.getByTestId("packet-draft-save"));
    expect(await screen.findByText("满意度目标不能超过100%")).toBeInTheDocument();
    expect(screen.getByTestId("packet-draft-error")).toHaveTextContent(
      "预算科目已不存在，请刷新后重试",
    );
    expect(packetPreflight).toHaveBeenCalledTimes(1);
  });

  it("shows the export's steps, then where the ZIP went and its files", async () => {
    const user = userEvent.setup();
    vi.mocked(packetPreflight).mockResolvedValue(CLEAR);
    let report: (r: PacketReport) => void = () => {};
    let progress: (p: ExportProgress) => void = () => {};
    vi.mocked(packetExport).mockImplementation((_id, onProgress) => {
      progress = onProgress!;
      return new Promise((resolve) => (report = resolve));
    });
    renderPage();

    const button = await screen.findByTestId("packet-export");
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(packetExport).toHaveBeenCalledWith(2, expect.any(Function));
    expect(await screen.findByTestId("packet-progress")).toHaveTextContent("正在开始导出");
    act(() =>
      progress({ step: 2, steps: 4, label: "正在生成申报书（PDF、Word）和附表（Excel）…" }),
    );
    expect(screen.getByTestId("packet-progress")).toHaveTextContent(
      "第 2 / 4 步：正在生成申报书（PDF、Word）和附表（Excel）…",
    );
    expect(within(screen.getByTestId("packet-progress")).getByRole("progressbar")).toHaveAttribute(
      "aria-valuenow",
      "50",
    );
    // The rest of the window stays usable while Rust works.
    await user.click(screen.getByRole("tab", { name: "校验申报包" }));
    await user.click(screen.getByRole("tab", { name: /检查与导出/ }));

    act(() => report(REPORT));
    const result = await screen.findByTestId("packet-result");
    expect(screen.queryByTestId("packet-progress")).not.toBeInTheDocument();
    expect(within(result).getByTestId("packet-path")).toHaveTextContent(REPORT.path);
    expect(result).toHaveTextContent("申报书 PDF 共 14 页");
    expect(result).toHaveTextContent("成员单位 48 家");
    const files = within(result).getByTestId("packet-files");
    expect(
      within(files)
        .getAllByTestId("packet-file-name")
        .map((n) => n.textContent),
    ).toStrictEqual(["申报书.pdf", "附表.xlsx"]);
    expect(files).toHaveTextContent("1.76 MB");
    expect(files).toHaveTextContent("23.0 KB");
    expect(within(files).getAllByTestId("packet-file-hash")[0]).toHaveTextContent("a1b2c3d4e5f6");

    await user.click(within(result).getByTestId("packet-reveal"));
    await waitFor(() => expect(packetReveal).toHaveBeenCalledWith(REPORT.path));
  });

  it("shows why an export was refused", async () => {
    const user = userEvent.setup();
    vi.mocked(packetPreflight).mockResolvedValue(CLEAR);
    const refusal: ErrorPayload = {
      code: "validation",
      message: "还有 1 项必须先处理（见检查清单），处理后才能导出申报材料",
      field: "grantYearId",
      rule: null,
      problems: [],
    };
    vi.mocked(packetExport).mockRejectedValue(refusal);
    renderPage();
    const button = await screen.findByTestId("packet-export");
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(await screen.findByTestId("packet-export-error")).toHaveTextContent(refusal.message);
    expect(screen.queryByTestId("packet-result")).not.toBeInTheDocument();
  });

  it("verifies a picked ZIP, and shows the reason when it does not hold", async () => {
    const user = userEvent.setup();
    vi.mocked(packetPreflight).mockResolvedValue(CLEAR);
    const reason =
      "文件「2020年度申报材料/申报书.pdf」与清单记录的校验值不一致，可能已被修改或损坏";
    vi.mocked(packetVerify)
      .mockRejectedValueOnce({
        code: "validation",
        message: reason,
        field: "file",
        rule: null,
        problems: [{ field: "file", message: reason, rule: null }],
      } satisfies ErrorPayload)
      .mockResolvedValueOnce({ ...REPORT, path: "", fileName: "", pdfPages: 0 });
    renderPage();

    await user.click(await screen.findByRole("tab", { name: "校验申报包" }));
    const zip = new File([new Uint8Array([0x50, 0x4b, 3, 4])], "packet-2020-20261126.zip", {
      type: "application/zip",
    });
    await user.upload(screen.getByTestId("packet-verify-file"), zip);
    const refused = await screen.findByTestId("packet-verify-refused");
    expect(refused).toHaveTextContent("校验未通过");
    expect(refused).toHaveTextContent(reason);
    expect(vi.mocked(packetVerify).mock.calls[0][0]).toBe(zip);
    expect(screen.getByTestId("packet-verify-name")).toHaveTextContent("packet-2020-20261126.zip");

    // The same file again, once it is the right one.
    await user.upload(screen.getByTestId("packet-verify-file"), zip);
    const ok = await screen.findByTestId("packet-verify-ok");
    expect(ok).toHaveTextContent("校验通过");
    expect(ok).toHaveTextContent("示例街道社区社会组织联合会");
    expect(ok).toHaveTextContent("400,000.00 元");
    expect(ok).toHaveTextContent("48 家 / 5 个");
    expect(screen.queryByTestId("packet-verify-refused")).not.toBeInTheDocument();
    expect(screen.getByTestId("packet-verify-files")).toHaveTextContent("申报书.pdf");
  });
});
