// A lazily loaded page: suspends once while its chunk loads, renders at once when preloaded
// (without ever showing the fallback or remounting), and a failed load is retried by 重试.
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Suspense, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { lazyPage } from "./lazyPage";
import PageBoundary from "./PageBoundary";
import { deferred } from "../test/deferred";

function Counter({ label }: { label: string }) {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      {label} {n}
    </button>
  );
}

const tree = (ui: React.ReactNode) => (
  <PageBoundary>
    <Suspense fallback={<span>loading</span>}>{ui}</Suspense>
  </PageBoundary>
);

describe("lazyPage", () => {
  it("suspends while the chunk loads, then keeps the page mounted", async () => {
    const chunk = deferred<{ default: typeof Counter }>();
    const Page = lazyPage(() => chunk.promise);
    const { rerender } = render(tree(<Page label="记账" />));
    expect(screen.getByText("loading")).toBeInTheDocument();

    await act(async () => chunk.resolve({ default: Counter }));
    await userEvent.click(screen.getByRole("button", { name: "记账 0" }));
    rerender(tree(<Page label="记账" />));
    expect(screen.getByRole("button", { name: "记账 1" })).toBeInTheDocument();
  });

  it("renders a preloaded page at once, loading its chunk only once", async () => {
    const load = vi.fn(async () => ({ default: Counter }));
    const Page = lazyPage(load);
    await Page.preload();
    await Page.preload();
    render(tree(<Page label="成员单位" />));
    expect(screen.queryByText("loading")).toBeNull();
    expect(screen.getByRole("button", { name: "成员单位 0" })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("says a page did not load, and 重试 loads it again", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    let broken = true;
    const load = vi.fn(async () => {
      if (broken) throw new Error("chunk missing");
      return { default: Counter };
    });
    const Page = lazyPage(load);
    render(tree(<Page label="设置" />));

    // React retries a failed render once by itself; a chunk that keeps failing is reported.
    expect(await screen.findByText("这个页面没有打开")).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByTestId("page-retry"));
    expect(await screen.findByRole("button", { name: "设置 0" })).toBeInTheDocument();
  });
});
