// The import wizard against a mocked IPC: a roster without a 加入日期 column is asked once for the
// date (today by default, 成立日期 offered when the file has it), every answer is checked again by
// Rust, and the import shows Rust's progress events as a bar.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportProgress, ImportReport } from "../../ipc";
import { membersImport, membersImportPreview, readPickedFile } from "../../ipc";
import { renderWithApp } from "../../test/render";
import ImportWizard from "./ImportWizard";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  readPickedFile: vi.fn(),
  membersImportPreview: vi.fn(),
  membersImport: vi.fn(),
}));

const preview = vi.mocked(membersImportPreview);
const importFile = vi.mocked(membersImport);
const FILE = { fileName: "名册.xlsx", bytes: [1, 2, 3] };

function report(over: Partial<ImportReport> = {}): ImportReport {
  return {
    fileName: "名册.xlsx",
    rows: 1000,
    added: 1000,
    updated: 0,
    unchanged: 0,
    newCommunities: [],
    items: [],
    problems: [],
    warnings: [],
    applied: false,
    joinedOnMissing: true,
    foundedOnColumn: true,
    joinedOnDefault: "2026-12-03",
    joinedOnFromFounded: false,
    ...over,
  };
}

async function pickFile() {
  renderWithApp(<ImportWizard open today="2026-12-03" onClose={() => {}} />);
  const input = screen.getByTestId("import-file");
  fireEvent.change(input, { target: { files: [new File(["x"], "名册.xlsx")] } });
  await screen.findByTestId("import-preview");
}

describe("ImportWizard", () => {
  beforeEach(() => {
    vi.mocked(readPickedFile).mockReset().mockResolvedValue(FILE);
    preview.mockReset().mockResolvedValue(report());
    importFile.mockReset();
  });

  it("asks once for the join date of a roster without one, today by default", async () => {
    const user = userEvent.setup();
    await pickFile();
    expect(preview).toHaveBeenCalledWith(FILE, {
      joinedOn: "2026-12-03",
      joinedOnFromFounded: false,
    });
    const question = screen.getByTestId("import-joined");
    expect(question).toHaveTextContent("文件中没有“加入日期”列");
    expect(document.getElementById("import-joined-on")).toHaveValue("2026-12-03");

    preview.mockResolvedValue(report({ joinedOnFromFounded: true }));
    await user.click(within(question).getByRole("checkbox"));
    await waitFor(() =>
      expect(preview).toHaveBeenLastCalledWith(FILE, {
        joinedOn: "2026-12-03",
        joinedOnFromFounded: true,
      }),
    );
  });

  it("does not ask when the roster has the column", async () => {
    preview.mockResolvedValue(report({ joinedOnMissing: false, joinedOnDefault: null }));
    await pickFile();
    expect(screen.queryByTestId("import-joined")).not.toBeInTheDocument();
  });

  it("shows the import's progress events as a bar, then the date it recorded", async () => {
    const user = userEvent.setup();
    let progress: (p: ImportProgress) => void = () => {};
    let finish: (r: ImportReport) => void = () => {};
    importFile.mockImplementation((_file, _options, onProgress) => {
      progress = onProgress!;
      return new Promise((resolve) => (finish = resolve));
    });
    await pickFile();
    await user.click(screen.getByTestId("import-confirm"));
    expect(importFile).toHaveBeenCalledWith(
      FILE,
      { joinedOn: "2026-12-03", joinedOnFromFounded: false },
      expect.any(Function),
    );
    act(() => progress({ stage: "check", done: 500, total: 2000 }));
    const bar = screen.getByTestId("import-progress");
    expect(bar).toHaveTextContent("正在检查：500 / 1000 行");
    expect(within(bar).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    act(() => progress({ stage: "write", done: 1500, total: 2000 }));
    expect(screen.getByTestId("import-progress")).toHaveTextContent("正在写入：500 / 1000 行");
    act(() => finish(report({ applied: true })));
    expect(await screen.findByTestId("import-success")).toHaveTextContent(
      "加入日期记为 2026-12-03",
    );
  });
});
