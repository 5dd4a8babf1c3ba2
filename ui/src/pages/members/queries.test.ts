// 成员单位 opened from the menu: its first page of members and the lists its filters offer are asked
// before it renders, with the very query the page starts from.
import { describe, expect, it, vi } from "vitest";
import { listEntries, membersList, type MemberPage } from "../../ipc";
import { queryKeys } from "../../kit/queryKeys";
import { makeQueryClient } from "../../providers";
import { FIRST_MEMBERS, prepareMembers } from "./queries";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  listEntries: vi.fn(),
  membersList: vi.fn(),
}));

describe("prepareMembers", () => {
  it("puts the first page of members, by name, and both lists into the cache", async () => {
    const page: MemberPage = { rows: [], total: 0, page: 1, pageSize: 20 };
    vi.mocked(membersList).mockResolvedValue(page);
    vi.mocked(listEntries).mockResolvedValue([]);
    const client = makeQueryClient();

    await prepareMembers(client);
    expect(membersList).toHaveBeenCalledWith(
      expect.objectContaining({ search: "", sort: "name", page: 1, pageSize: 20 }),
    );
    expect(listEntries).toHaveBeenCalledWith("category");
    expect(listEntries).toHaveBeenCalledWith("community");
    expect(client.getQueryData(queryKeys.members.list(FIRST_MEMBERS))).toBe(page);
  });
});
