// The command names and argument shapes are the contract with the Rust side; check them here once.
import { invoke } from "@tauri-apps/api/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { FederationInput } from "./index";
import {
  errorMessage,
  federationSave,
  isErrorPayload,
  sessionGet,
  UNKNOWN_ERROR_MESSAGE,
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
