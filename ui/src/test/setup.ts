import { configure } from "@testing-library/react";
// jsdom lacks a few browser APIs that antd reaches for; stub them once for every test.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import "../locale";

afterEach(() => cleanup());

Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: vi.fn((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

// antd measures the scrollbar with getComputedStyle(el, "::-webkit-scrollbar"); jsdom does not
// implement pseudo-elements and prints an error for each call.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element) => computedStyle(elt);

// jsdom does not scroll; the shell scrolls to the top on every new page.
window.scrollTo = vi.fn() as typeof window.scrollTo;

// findBy*/waitFor give up after 1 s by default; antd forms on a loaded 2-core CI machine can take
// longer to show a message, and a slow machine is not a failure.
configure({ asyncUtilTimeout: 5000 });
