// Mutations refresh every view of what they change: a receipt changes the grant year, the list and
// 首页. Opened from the menu, 年度资助 has its grant years and policy asked before it renders.
import { QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { grantYearsList, policyGet, receiptAdd } from "../../ipc";
import { queryKeys } from "../../kit/queryKeys";
import { makeQueryClient } from "../../providers";
import { grantDetail, POLICY } from "../../test/grants";
import { prepareGrants, useAddReceipt } from "./queries";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  grantYearsList: vi.fn(),
  policyGet: vi.fn(),
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

describe("prepareGrants", () => {
  it("puts the grant years and the policy into the cache, asking only what is missing", async () => {
    const years = [grantDetail().grant];
    vi.mocked(grantYearsList).mockResolvedValue(years);
    vi.mocked(policyGet).mockResolvedValue(POLICY);
    const client = makeQueryClient();
    // 首页 has usually filled the grant years already.
    client.setQueryData(queryKeys.grantYears, years);

    await prepareGrants(client);
    expect(grantYearsList).not.toHaveBeenCalled();
    expect(policyGet).toHaveBeenCalledTimes(1);
    expect(client.getQueryData(queryKeys.policy.all)).toBe(POLICY);
  });
});
