// The 服务项目 command names and argument shapes: the contract with src-tauri/src/commands/projects.rs.
import { invoke } from "@tauri-apps/api/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  activityAdd,
  grantProgress,
  projectClose,
  projectCreate,
  projectGet,
  projectsList,
  projectStart,
  projectTerminate,
  projectUpdate,
  type ActivityInput,
  type ProjectInput,
} from "./index";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

describe("ipc: projects", () => {
  beforeEach(() => invokeMock.mockReset().mockResolvedValue({}));

  it("calls each command by its name with the arguments Tauri expects", async () => {
    const query = { grantYearId: 2, status: null, memberId: null, communityId: null };
    const input = { name: "银龄助餐暖心行动" } as ProjectInput;
    const activity = { projectId: 7 } as ActivityInput;
    await projectsList(query);
    await projectGet(7);
    await projectCreate(input);
    await projectUpdate(7, input);
    await projectStart(7);
    await projectClose(7, { date: "2020-11-30", evaluation: "完成", grade: "good" });
    await projectTerminate(7, { date: "2020-08-14", reason: "无法继续" });
    await activityAdd(activity);
    await grantProgress(2);
    expect(invokeMock.mock.calls).toEqual([
      ["projects_list", { query }],
      ["project_get", { id: 7 }],
      ["project_create", { input }],
      ["project_update", { id: 7, input }],
      ["project_start", { id: 7 }],
      [
        "project_close",
        { id: 7, input: { date: "2020-11-30", evaluation: "完成", grade: "good" } },
      ],
      ["project_terminate", { id: 7, input: { date: "2020-08-14", reason: "无法继续" } }],
      ["activity_add", { input: activity }],
      ["grant_progress", { grantYearId: 2 }],
    ]);
  });
});
