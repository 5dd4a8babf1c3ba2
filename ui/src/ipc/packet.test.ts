// The 申报材料 command names and argument shapes (the contract with src-tauri/src/commands/packet.rs),
// and the export's progress listener: in place before the command starts, removed when it ends.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  packetDraftGet,
  packetDraftSave,
  packetExport,
  packetPreflight,
  packetReveal,
  packetVerify,
  type ExportProgress,
  type PacketDraft,
} from "./index";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

describe("ipc: packet", () => {
  beforeEach(() => {
    invokeMock.mockReset().mockResolvedValue({});
    listenMock.mockReset();
  });

  it("calls each command by its name with the arguments Tauri expects", async () => {
    const input = { grantYearId: 2, plan: "一、助餐。" } as PacketDraft;
    await packetDraftGet(2);
    await packetDraftSave(input);
    await packetPreflight(2);
    await packetReveal("/tmp/exports/packet-2020-20261126.zip");
    expect(invokeMock.mock.calls).toEqual([
      ["packet_draft_get", { grantYearId: 2 }],
      ["packet_draft_save", { input }],
      ["packet_preflight", { grantYearId: 2 }],
      ["packet_reveal", { path: "/tmp/exports/packet-2020-20261126.zip" }],
    ]);
  });

  it("sends a picked ZIP as raw bytes", async () => {
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], "p.zip");
    await packetVerify(file);
    const [name, body] = invokeMock.mock.calls[0];
    expect(name).toBe("packet_verify");
    expect(body).toBeInstanceOf(Uint8Array);
    expect(Array.from(body as Uint8Array)).toEqual([0x50, 0x4b, 3, 4]);
  });

  it("listens to the export's progress while it runs, and stops listening after", async () => {
    const order: string[] = [];
    const unlisten = vi.fn(() => order.push("unlisten"));
    let emit: (p: ExportProgress) => void = () => {};
    listenMock.mockImplementation(async (event, handler) => {
      order.push(`listen ${event}`);
      emit = (payload) => handler({ event, id: 1, payload });
      return unlisten;
    });
    invokeMock.mockImplementation(async (cmd) => {
      order.push(cmd);
      emit({ step: 1, steps: 4, label: "正在从账簿汇总数据并检查…" });
      return { path: "/x.zip" };
    });
    const seen: ExportProgress[] = [];
    expect(await packetExport(2, (p) => seen.push(p))).toEqual({ path: "/x.zip" });
    expect(invokeMock).toHaveBeenCalledWith("packet_export", { grantYearId: 2 });
    expect(order).toEqual(["listen packet-export-progress", "packet_export", "unlisten"]);
    expect(seen).toEqual([{ step: 1, steps: 4, label: "正在从账簿汇总数据并检查…" }]);

    // A refused export also stops listening.
    invokeMock.mockRejectedValueOnce({ code: "validation", message: "还有 1 项", problems: [] });
    await expect(packetExport(2, () => {})).rejects.toMatchObject({ code: "validation" });
    expect(unlisten).toHaveBeenCalledTimes(2);
  });
});
