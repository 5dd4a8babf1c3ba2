// A page in a chunk of its own, so that the window starts by parsing only what its first screen
// needs. `preload()` fetches the chunk ahead of the click; once loaded, the page renders at once,
// with no suspended render and no fallback between the click and the page.
import { lazy, type ComponentType, type ReactElement } from "react";

type PageModule<P> = { default: ComponentType<P> };

export type LazyPage<P> = ((props: P) => ReactElement) & {
  /** Starts loading the chunk (once); resolves when the page can render without waiting. */
  preload: () => Promise<PageModule<P>>;
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
  // Until the chunk is in, React's own `lazy` suspends on the same load. `loaded` is set by the
  // first callback on that load, before React retries, so the retry renders the page itself and
  // the lazy wrapper is never committed: the page is not remounted when the chunk arrives.
  let Suspending = lazy(preload);
  function Page(props: P) {
    const Loaded = loaded?.default;
    return Loaded ? <Loaded {...props} /> : <Suspending {...props} />;
  }
  return Object.assign(Page, { preload });
}
