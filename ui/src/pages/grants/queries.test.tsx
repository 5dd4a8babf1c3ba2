// Mutations refresh every view of what they change: a receipt changes the grant year, the list and
// 首页.
import { QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { receiptAdd } from "../../ipc";
import { makeQueryClient } from "../../providers";
import { grantDetail } from "../../test/grants";
import { useAddReceipt } from "./queries";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  receiptAdd: vi.fn(),
}));

describe("grant queries", () => {
  it("a receipt invalidates the grant year, the list and the home overview", async () => {
    vi.mocked(receiptAdd).mockResolvedValue(grantDetail());
    const queryClient = makeQueryClient();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useAddReceipt(1), { wrapper });

    act(() =>
      result.current.mutate({
        source: "city",
        date: "2019-03-20",
        amount: "180000",
        bankRef: "",
        note: "",
      }),
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const keys = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toEqual(expect.arrayContaining([["grantYear", 1], ["grantYears"], ["home"]]));
  });
});
