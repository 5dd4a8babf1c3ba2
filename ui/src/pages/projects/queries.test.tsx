// 服务项目 opened from the menu: the year's projects, its progress card and the communities of the
// filter are asked before it renders, with the very queries the page starts from; the page's own
// mount then does not ask again, and a later mount does (project data moves with other areas).
import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { grantProgress, grantYearsList, listEntries, projectsList } from "../../ipc";
import { queryKeys } from "../../kit/queryKeys";
import { makeQueryClient } from "../../providers";
import { grantDetail } from "../../test/grants";
import { GRANT_2020, PROGRESS } from "../../test/projects";
import { ALL_PROJECTS, prepareProjects, useProjects } from "./queries";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  grantProgress: vi.fn(),
  grantYearsList: vi.fn(),
  listEntries: vi.fn(),
  projectsList: vi.fn(),
}));

afterEach(() => vi.restoreAllMocks());

describe("prepareProjects", () => {
  it("asks for the year the address names, and the page's mount finds the answers", async () => {
    vi.mocked(grantYearsList).mockResolvedValue([grantDetail().grant, GRANT_2020]);
    vi.mocked(projectsList).mockResolvedValue([]);
    vi.mocked(grantProgress).mockResolvedValue(PROGRESS);
    vi.mocked(listEntries).mockResolvedValue([]);
    const client = makeQueryClient();

    await prepareProjects(client, new URLSearchParams("year=2020"));
    const query = { grantYearId: GRANT_2020.id, ...ALL_PROJECTS };
    expect(projectsList).toHaveBeenCalledExactlyOnceWith(query);
    expect(grantProgress).toHaveBeenCalledExactlyOnceWith(GRANT_2020.id);
    expect(listEntries).toHaveBeenCalledExactlyOnceWith("community");
    expect(client.getQueryData(queryKeys.projects.progress(GRANT_2020.id))).toBe(PROGRESS);

    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    // The page mounting as it opens: the rows are there at once, and nothing is asked again.
    const opened = renderHook(() => useProjects(query), { wrapper });
    expect(opened.result.current.data).toEqual([]);
    expect(projectsList).toHaveBeenCalledTimes(1);
    opened.unmount();

    // Mounted again later (a payment may have been recorded under 记账 meanwhile): asked again.
    const later = Date.now() + 5_000;
    vi.spyOn(Date, "now").mockReturnValue(later);
    renderHook(() => useProjects(query), { wrapper });
    await waitFor(() => expect(projectsList).toHaveBeenCalledTimes(2));
  });
});
