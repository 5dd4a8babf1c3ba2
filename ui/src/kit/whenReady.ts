// Waiting for the answers a screen is about to read, but not for long: the first screen
// (firstScreen.ts), a page opened from the menu (layout/openPage.ts) and a tab with a report of
// its own render once with their data when it comes quickly, and render loading when it does not.
import { useCallback, useRef } from "react";

/** How long a click waits for what it opens: past it, the page or tab shows its loading state. */
export const CLICK_WAIT_MS = 250;

/** Resolves when `work` settles, a failure included, or after `ms`, whichever is first. */
export function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  const patience = new Promise<void>((resolve) => setTimeout(resolve, ms));
  return Promise.race([work.then(noop, noop), patience]);
}

function noop() {}

/**
 * `(ready, show)`: calls `show` once `ready` has settled or CLICK_WAIT_MS has passed, at once when
 * there is nothing to wait for. Of calls in quick succession only the last one shows: a click on
 * 成员单位 while 记账 is still being asked for does not end on 记账.
 */
export function useShowWhenReady(): (ready: Promise<unknown> | null, show: () => void) => void {
  const latest = useRef(0);
  return useCallback((ready, show) => {
    const ticket = ++latest.current;
    if (ready === null) return show();
    void settledWithin(ready, CLICK_WAIT_MS).then(() => {
      if (ticket === latest.current) show();
    });
  }, []);
}
