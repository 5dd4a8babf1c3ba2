// The warm-up after start-up: antd's list-page parts are rendered inside the given providers, never
// in the document, and are unmounted before the promise resolves.
import { useEffect, type ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { warmUp } from "./warmUp";

const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };

describe("warmUp", () => {
  // The warm-up renders on a root of its own, at React's pace, as in the window: an act() scope
  // would hold the render back until the promise it awaits resolves, which is never.
  let actEnvironment: boolean | undefined;
  beforeEach(() => {
    actEnvironment = scope.IS_REACT_ACT_ENVIRONMENT;
    scope.IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterEach(() => {
    scope.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
  });

  it("renders the parts detached, inside the providers, and unmounts them", async () => {
    const seen: { rows: number; tabs: number; attached: boolean }[] = [];
    const events: string[] = [];
    function Providers({ children }: { children: ReactNode }) {
      useEffect(() => {
        events.push("mounted");
        return () => void events.push("unmounted");
      }, []);
      return (
        <div
          ref={(node) => {
            if (node) record(node);
          }}
        >
          {children}
        </div>
      );
    }
    function record(node: HTMLElement) {
      seen.push({
        rows: node.querySelectorAll("tr.ant-table-row").length,
        tabs: node.querySelectorAll("[role=tab]").length,
        attached: node.isConnected,
      });
    }
    const before = document.body.innerHTML;

    await warmUp((children) => <Providers>{children}</Providers>);

    expect(seen).toEqual([{ rows: 3, tabs: 2, attached: false }]);
    expect(events).toEqual(["mounted", "unmounted"]);
    expect(document.body.innerHTML).toBe(before);
  });
});
