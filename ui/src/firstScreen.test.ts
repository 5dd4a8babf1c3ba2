// The first screen's questions go out together, before anything renders, and never hold the window
// back longer than the wait.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { askFirstScreen } from "./firstScreen";
import { homeOverview, sessionGet } from "./ipc";
import type { HomeOverview, SessionInfo } from "./ipc";
import { queryKeys } from "./kit/queryKeys";
import { makeQueryClient } from "./providers";
import { deferred } from "./test/deferred";
import { grantDetail, homeWith } from "./test/grants";
import { session } from "./test/render";

vi.mock("./ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./ipc")>()),
  sessionGet: vi.fn(),
  homeOverview: vi.fn(),
}));

const DETAIL = grantDetail();
const HOME: HomeOverview = homeWith(DETAIL, 3);

describe("askFirstScreen", () => {
  beforeEach(() => {
    vi.mocked(sessionGet).mockReset();
    vi.mocked(homeOverview).mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("asks both questions at once and resolves with both answers (and the years) in the cache", async () => {
    const s = deferred<SessionInfo>();
    const h = deferred<HomeOverview>();
    vi.mocked(sessionGet).mockReturnValue(s.promise);
    vi.mocked(homeOverview).mockReturnValue(h.promise);
    const client = makeQueryClient();

    let done = false;
    const asked = askFirstScreen(client, 10_000).then(() => (done = true));
    // Neither waits for the other.
    expect(sessionGet).toHaveBeenCalledTimes(1);
    expect(homeOverview).toHaveBeenCalledTimes(1);

    s.resolve(session());
    await Promise.resolve();
    expect(done).toBe(false);
    h.resolve(HOME);
    await asked;
    expect(client.getQueryData(queryKeys.session)).toEqual(session());
    expect(client.getQueryData(queryKeys.home)).toEqual(HOME);
    // 记账, 服务项目 and 申报材料 pick their year from this list without asking again.
    expect(client.getQueryData(queryKeys.grantYears)).toEqual([DETAIL.grant]);
  });

  it("stops waiting after the wait, and the late answer still lands in the cache", async () => {
    vi.useFakeTimers();
    const h = deferred<HomeOverview>();
    vi.mocked(sessionGet).mockResolvedValue(session());
    vi.mocked(homeOverview).mockReturnValue(h.promise);
    const client = makeQueryClient();

    let done = false;
    void askFirstScreen(client, 300).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(299);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(client.getQueryData(queryKeys.home)).toBeUndefined();

    h.resolve(HOME);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.getQueryData(queryKeys.home)).toEqual(HOME);
  });

  it("never rejects: a refused file stays in the cache as the session's error", async () => {
    const refused = { code: "file_refused", message: "这个账簿文件由更新版本的社联会管家创建" };
    vi.mocked(sessionGet).mockRejectedValue(refused);
    vi.mocked(homeOverview).mockRejectedValue(refused);
    const client = makeQueryClient();

    await expect(askFirstScreen(client, 10_000)).resolves.toBeUndefined();
    const state = client.getQueryState(queryKeys.session);
    expect(state?.status).toBe("error");
    expect(state?.error).toEqual(refused);
  });
});
