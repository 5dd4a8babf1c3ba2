// The first screen's "settled" signal: a performance mark that scripts/bench-window.sh reads
// through WebDriver to time exec → the first interactive page, and the cue for work that must not
// compete with the first screen (loading the other pages' chunks, main.tsx).

export const READY_MARK = "shelian-home-ready";

const waiting: (() => void)[] = [];

/** Called once the first screen's queries have settled and rendered; later calls do nothing. */
export function markFirstScreenReady(): void {
  if (performance.getEntriesByName(READY_MARK).length > 0) return;
  performance.mark(READY_MARK);
  for (const run of waiting.splice(0)) setTimeout(run);
}

/** Runs `f` after the first screen is ready (at once, in a task of its own, if it already is). */
export function afterFirstScreen(f: () => void): void {
  if (performance.getEntriesByName(READY_MARK).length > 0) setTimeout(f);
  else waiting.push(f);
}
