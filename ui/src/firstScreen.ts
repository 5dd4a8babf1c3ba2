// The first screen's questions, asked before React renders anything. Rendered first, each page asks
// its own question only once it has mounted, so the session's answer waited for the opening screen
// to render and 首页's for the shell to render (a few hundred milliseconds on an office PC at city
// scale, measured in README's city-scale table). Asked here, both go to Rust at once (they do not
// depend on each other: 首页's overview reads the same books the session opens), and the window's
// first render usually has both answers in the cache.
import type { QueryClient } from "@tanstack/react-query";
import { settledWithin } from "./kit/whenReady";
import { homeOverviewQuery } from "./pages/grants/queries";
import { sessionQuery } from "./session";

/** How long the first render waits for the answers: past it, 正在打开 shows while they come. */
export const FIRST_SCREEN_WAIT_MS = 300;

/**
 * Puts the session and 首页's overview (the grant years with it) into `client`, as `useSession` and
 * `useHomeOverview` would, and resolves once both have answered, failed included, or after
 * `waitMs`, whichever is first. It never rejects: a failed question stays in the cache as that
 * query's error, for the page that asks it to show (the refused-file screen, for one).
 */
export function askFirstScreen(
  client: QueryClient,
  waitMs: number = FIRST_SCREEN_WAIT_MS,
): Promise<void> {
  const answers = Promise.all([
    client.prefetchQuery(sessionQuery),
    client.prefetchQuery(homeOverviewQuery),
  ]);
  return settledWithin(answers, waitMs);
}
