// The project list's bar: a plain element that still reads as a progress bar, green when full.
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RowBar } from "./labels";

describe("RowBar", () => {
  it("says its percent to assistive technology and fills that much of its width", () => {
    render(<RowBar percent={45} />);
    const bar = screen.getByRole("progressbar");
    expect(bar).toHaveAttribute("aria-valuenow", "45");
    const fill = bar.firstElementChild as HTMLElement;
    expect(fill.style.width).toBe("45%");
    expect(fill).not.toHaveClass("row-bar-full");
  });

  it("turns green at 100%", () => {
    render(<RowBar percent={100} />);
    expect(screen.getByRole("progressbar").firstElementChild).toHaveClass("row-bar-full");
  });
});
