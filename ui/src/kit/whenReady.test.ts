// Waiting for what a click opens, but not for long: settles with the work (a failure included) or
// at the deadline, and of quick clicks only the last one shows.
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deferred } from "../test/deferred";
import { CLICK_WAIT_MS, settledWithin, useShowWhenReady } from "./whenReady";

describe("settledWithin", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("resolves when the work settles, a failure included, without waiting for the deadline", async () => {
    const done = vi.fn();
    const work = deferred<number>();
    void settledWithin(work.promise, 1000).then(done);
    await vi.advanceTimersByTimeAsync(10);
    expect(done).not.toHaveBeenCalled();
    work.reject(new Error("refused"));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it("resolves at the deadline when the work is slower", async () => {
    const done = vi.fn();
    void settledWithin(deferred<number>().promise, 250).then(done);
    await vi.advanceTimersByTimeAsync(249);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalledTimes(1);
  });
});

describe("useShowWhenReady", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows at once when there is nothing to wait for", () => {
    const { result } = renderHook(() => useShowWhenReady());
    const show = vi.fn();
    result.current(null, show);
    expect(show).toHaveBeenCalledTimes(1);
  });

  it("shows when the answer is in, or after CLICK_WAIT_MS without it", async () => {
    const { result } = renderHook(() => useShowWhenReady());
    const [fast, slow] = [vi.fn(), vi.fn()];
    const answer = deferred<void>();
    result.current(answer.promise, fast);
    await act(async () => answer.resolve());
    expect(fast).toHaveBeenCalledTimes(1);

    result.current(deferred<void>().promise, slow);
    await act(() => vi.advanceTimersByTimeAsync(CLICK_WAIT_MS - 1));
    expect(slow).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it("of quick calls, shows only the last one, even when an earlier one is ready later", async () => {
    const { result } = renderHook(() => useShowWhenReady());
    const [first, second] = [vi.fn(), vi.fn()];
    const slowAnswer = deferred<void>();
    result.current(slowAnswer.promise, first);
    result.current(null, second);
    expect(second).toHaveBeenCalledTimes(1);
    await act(async () => slowAnswer.resolve());
    await act(() => vi.advanceTimersByTimeAsync(CLICK_WAIT_MS));
    expect(first).not.toHaveBeenCalled();
  });
});
