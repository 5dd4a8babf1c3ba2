// 备份与恢复: the list with its kinds and verification, 立即备份 into a typed folder, and restores
// that only run after the plain confirmation and then refetch everything.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BackupInfo, ErrorPayload } from "../../ipc";
import { backupNow, backupRestore, backupRestoreFile, backupsList } from "../../ipc";
import { renderWithApp } from "../../test/render";
import BackupCard, { formatSize, RESTORE_CONFIRM } from "./BackupCard";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  backupsList: vi.fn(),
  backupNow: vi.fn(),
  backupRestore: vi.fn(),
  backupRestoreFile: vi.fn(),
}));

const DIR = "/home/mishu/.local/share/cn.shelian.desktop/backups";

function backup(over: Partial<BackupInfo>): BackupInfo {
  return {
    path: `${DIR}/daily/books-2026-12-03.shelian`,
    fileName: "books-2026-12-03.shelian",
    kind: "daily",
    taken: "2026-12-03",
    size: 311296,
    schemaVersion: 6,
    verified: true,
    problem: null,
    ...over,
  };
}

const BACKUPS: BackupInfo[] = [
  backup({}),
  backup({
    path: "/home/mishu/下载/梅园-备份-2026-12-02.shelian",
    fileName: "梅园-备份-2026-12-02.shelian",
    kind: "manual",
    taken: "2026-12-02",
    size: 3 * 1024 * 1024,
  }),
  backup({
    path: `${DIR}/before-restore/books-20261201-101500.shelian`,
    fileName: "books-20261201-101500.shelian",
    kind: "beforeRestore",
    taken: "2026-12-01 10:15:00",
  }),
  backup({
    path: `${DIR}/daily/books-2026-11-01.shelian`,
    fileName: "books-2026-11-01.shelian",
    kind: "monthly",
    taken: "2026-11-01",
    verified: false,
    problem: "文件已损坏",
  }),
  backup({
    path: `${DIR}/books-v3-20261020-090000.db`,
    fileName: "books-v3-20261020-090000.db",
    kind: "beforeMigration",
    taken: "2026-10-20 09:00:00",
    schemaVersion: 3,
  }),
];

const refusal = (message: string): ErrorPayload => ({
  code: "file_refused",
  message,
  field: null,
  rule: null,
  problems: [],
});

describe("BackupCard", () => {
  beforeEach(() => {
    vi.mocked(backupsList)
      .mockReset()
      .mockResolvedValue({ defaultFolder: "/home/mishu/下载", backups: BACKUPS });
    vi.mocked(backupNow).mockReset();
    vi.mocked(backupRestore).mockReset();
    vi.mocked(backupRestoreFile).mockReset();
  });

  it("lists every backup with its kind, size, data version and whether it verifies", async () => {
    renderWithApp(<BackupCard demo={false} />);
    const list = await screen.findByTestId("backup-list");
    await within(list).findByText("2026-12-03");
    const rows = within(list).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[1].textContent)).toStrictEqual([
      "每日",
      "手动",
      "恢复前",
      "每月",
      "迁移前",
    ]);
    expect(rows[0]).toHaveTextContent("304 KB");
    expect(rows[1]).toHaveTextContent("3.0 MB");
    expect(rows[4]).toHaveTextContent("3");
    expect(rows[0]).toHaveTextContent("通过");
    expect(rows[3]).toHaveTextContent("文件已损坏");
    expect(screen.getByTestId("backup-restore-3")).toBeDisabled();
    expect(screen.getByTestId("backup-restore-4")).toBeEnabled();
    expect(screen.getByTestId("backup-folder")).toHaveAttribute(
      "placeholder",
      "不填则保存到 /home/mishu/下载",
    );
  });

  it("backs up into the typed folder and shows where the file went; a refusal is shown in Chinese", async () => {
    const user = userEvent.setup();
    vi.mocked(backupNow)
      .mockRejectedValueOnce({
        code: "validation",
        message: "找不到文件夹“F:\\备份”，请检查U盘是否插好、路径是否正确。",
        field: "folder",
        rule: null,
        problems: [],
      })
      .mockResolvedValueOnce({
        path: "E:\\备份\\梅园-备份-2026-12-03.shelian",
        fileName: "梅园-备份-2026-12-03.shelian",
      });
    renderWithApp(<BackupCard demo={false} />);
    await screen.findByText("2026-12-03");

    await user.type(screen.getByTestId("backup-folder"), "F:\\备份");
    await user.click(screen.getByTestId("backup-now"));
    expect(await screen.findByTestId("backup-error")).toHaveTextContent("找不到文件夹“F:\\备份”");
    expect(backupNow).toHaveBeenLastCalledWith("F:\\备份");

    await user.clear(screen.getByTestId("backup-folder"));
    await user.type(screen.getByTestId("backup-folder"), "E:\\备份");
    await user.click(screen.getByTestId("backup-now"));
    expect(await screen.findByTestId("backup-written")).toHaveTextContent(
      "E:\\备份\\梅园-备份-2026-12-03.shelian",
    );
    expect(backupNow).toHaveBeenLastCalledWith("E:\\备份");
    expect(screen.queryByTestId("backup-error")).not.toBeInTheDocument();
    await waitFor(() => expect(backupsList).toHaveBeenCalledTimes(2));
  });

  it("restores a listed backup only after the confirmation, then refetches everything", async () => {
    const user = userEvent.setup();
    vi.mocked(backupRestore).mockResolvedValue({
      restoredFrom: BACKUPS[4].path,
      beforeRestore: `${DIR}/before-restore/books-20261203-141500.shelian`,
      fromVersion: 3,
      schemaVersion: 6,
    });
    const { queryClient } = renderWithApp(<BackupCard demo={false} />);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await screen.findByText("2026-12-03");

    await user.click(screen.getByTestId("backup-restore-4"));
    expect(await screen.findByText(RESTORE_CONFIRM)).toBeInTheDocument();
    expect(document.querySelector(".ant-modal-confirm-title")).toHaveTextContent(
      "从2026-10-20 09:00:00 的迁移前备份恢复？",
    );
    await user.click(screen.getByRole("button", { name: "取 消" }));
    expect(backupRestore).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("backup-restore-4"));
    // The cancelled confirmation may linger hidden in the document: click the newest one.
    await waitFor(() => expect(screen.getAllByTestId("backup-restore-ok")).toHaveLength(2));
    await user.click(screen.getAllByTestId("backup-restore-ok").at(-1)!);
    await waitFor(() => expect(backupRestore).toHaveBeenCalledWith(BACKUPS[4].path));
    expect(await screen.findByTestId("backup-restored")).toHaveTextContent(
      "books-20261203-141500.shelian",
    );
    // No filter: every query of the window, since all of it came from the replaced books.
    expect(invalidate).toHaveBeenCalledWith();
  });

  it("restores from a picked file after the confirmation; a newer file's refusal is shown", async () => {
    const user = userEvent.setup();
    vi.mocked(backupRestoreFile).mockRejectedValue(
      refusal("没有恢复：无法打开数据文件“新.shelian”：它由更新版本的社联会管家保存。"),
    );
    renderWithApp(<BackupCard demo={false} />);
    await screen.findByText("2026-12-03");

    const file = new File([new Uint8Array([0x53, 0x51])], "新.shelian");
    await user.upload(screen.getByTestId("backup-restore-file"), file);
    expect(await screen.findByText(RESTORE_CONFIRM)).toBeInTheDocument();
    expect(document.querySelector(".ant-modal-confirm-title")).toHaveTextContent(
      "从“新.shelian”恢复？",
    );
    expect(backupRestoreFile).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("backup-restore-ok"));

    const error = await screen.findByTestId("backup-error");
    expect(error).toHaveTextContent("没有恢复");
    expect(error).toHaveTextContent("更新版本");
    expect(vi.mocked(backupRestoreFile).mock.calls[0][0]).toBe(file);
    expect(screen.queryByTestId("backup-restored")).not.toBeInTheDocument();
  });

  it("asks to leave the demo books first and lists nothing for them", async () => {
    renderWithApp(<BackupCard demo />);
    expect(await screen.findByTestId("backup-card")).toHaveTextContent("请先退出示例数据");
    expect(backupsList).not.toHaveBeenCalled();
    expect(screen.queryByTestId("backup-now")).not.toBeInTheDocument();
  });

  it("formats sizes in KB below a megabyte and MB above", () => {
    expect(formatSize(100)).toBe("1 KB");
    expect(formatSize(311296)).toBe("304 KB");
    expect(formatSize(5 * 1024 * 1024 + 300_000)).toBe("5.3 MB");
  });
});
