// A page in a chunk of its own, so that the window starts by parsing only what its first screen
// needs. `preload()` fetches the chunk ahead of the click; once loaded, the page renders at once,
// with no suspended render and no fallback between the click and the page. `prepare()` also asks
// the page's first questions (the module's own `prepare`, if it has one), so that a page opened
// from the menu renders once, with its data, instead of empty and then again (layout/openPage.ts).
import type { QueryClient } from "@tanstack/react-query";
import { lazy, type ComponentType, type ReactElement } from "react";

/**
 * Puts into `client` what the page's first render reads, for the address's `search` (e.g. the
 * `?year=` of a grant-year page). Resolves when the answers are in; a failed question stays in the
 * cache as that query's error, for the page to show.
 */
export type PagePrepare = (client: QueryClient, search: URLSearchParams) => Promise<unknown>;

type PageModule<P> = { default: ComponentType<P>; prepare?: PagePrepare };

export type LazyPage<P> = ((props: P) => ReactElement) & {
  /** Starts loading the chunk (once); resolves when the page can render without waiting. */
  preload: () => Promise<PageModule<P>>;
  /** The chunk, then the page's first questions: resolves when it can render with its data. */
  prepare: (client: QueryClient, search: URLSearchParams) => Promise<void>;
};

export function lazyPage<P extends object>(load: () => Promise<PageModule<P>>): LazyPage<P> {
  let loaded: PageModule<P> | null = null;
  let pending: Promise<PageModule<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (m) => (loaded = m),
      (e: unknown) => {
        // A failed load is tried again by the next render (the error boundary's 重试): React's
        // `lazy` keeps its failure, so a fresh one takes its place.
        pending = null;
        Suspending = lazy(preload);
        throw e;
      },
    );
    return pending;
  };
  const prepare = async (client: QueryClient, search: URLSearchParams) => {
    const m = await preload();
    await m.prepare?.(client, search);
  };
  // Until the chunk is in, React's own `lazy` suspends on the same load. `loaded` is set by the
  // first callback on that load, before React retries, so the retry renders the page itself and
  // the lazy wrapper is never committed: the page is not remounted when the chunk arrives.
  let Suspending = lazy(preload);
  function Page(props: P) {
    const Loaded = loaded?.default;
    return Loaded ? <Loaded {...props} /> : <Suspending {...props} />;
  }
  return Object.assign(Page, { preload, prepare });
}
