// What each kind of write refreshes, against a cache holding one query of every kind: the views a
// write changes are invalidated, and the ones it cannot change are left alone.
import type { QueryKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { MemberQuery } from "../ipc";
import { makeQueryClient } from "../providers";
import {
  afterAttachmentAdd,
  afterBackup,
  afterBooksReplaced,
  afterBudgetWrite,
  afterCategoryWrite,
  afterDraftSave,
  afterFederationWrite,
  afterGrantWrite,
  afterLedgerWrite,
  afterListWrite,
  afterMemberWrite,
  afterPolicyWrite,
  afterProjectWrite,
  queryKeys as k,
} from "./queryKeys";

const CACHED: Record<string, QueryKey> = {
  session: k.session,
  home: k.home,
  grantYears: k.grantYears,
  grantYear1: k.grantYear.one(1),
  grantYear2: k.grantYear.one(2),
  policy: k.policy.all,
  policyHistory: k.policy.history,
  categories: k.budgetCategories,
  vouchers: k.books.vouchers({ grantYearId: 1, month: null, page: 1, pageSize: 20 }),
  spend: k.books.spend(1),
  funds: k.books.funds(1),
  attachment: k.attachment("a".repeat(64)),
  projects: k.projects.list({ grantYearId: 1, status: null, memberId: null, communityId: null }),
  project: k.projects.one(7),
  progress: k.projects.progress(1),
  members: k.members.list({ search: "", page: 1 } as MemberQuery),
  member: k.members.one(3),
  community: k.lists.of("community"),
  category: k.lists.of("category"),
  draft: k.packet.draft(1),
  preflight1: k.packet.preflight(1),
  preflight2: k.packet.preflight(2),
  backups: k.backups,
};

/** Runs a write's invalidation on a full cache and names the queries it marked stale. */
async function refreshed(write: (client: ReturnType<typeof makeQueryClient>) => Promise<unknown>) {
  const client = makeQueryClient();
  for (const key of Object.values(CACHED)) client.setQueryData(key, { cached: true });
  await write(client);
  return Object.entries(CACHED)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();
}

// A voucher, a receipt and an agreement move the same figures.
const MONEY_OF_YEAR_1 = [
  "funds",
  "grantYear1",
  "grantYears",
  "home",
  "progress",
  "project",
  "projects",
  "spend",
  "vouchers",
];

describe("invalidation after a write", () => {
  it("a posting or reversal refreshes the books, the year, its list, 首页 and the projects", async () => {
    expect(await refreshed((c) => afterLedgerWrite(c, 1))).toEqual(MONEY_OF_YEAR_1);
  });

  it("a month closed for the whole file refreshes every year's page", async () => {
    expect(await refreshed((c) => afterLedgerWrite(c))).toEqual(
      [...MONEY_OF_YEAR_1, "grantYear2"].sort(),
    );
  });

  it("a grant year's write and a project's write move the same figures as a posting", async () => {
    expect(await refreshed((c) => afterGrantWrite(c, 1))).toEqual(MONEY_OF_YEAR_1);
    expect(await refreshed((c) => afterProjectWrite(c, 1))).toEqual(MONEY_OF_YEAR_1);
    expect(await refreshed((c) => afterGrantWrite(c))).toContain("grantYear2");
  });

  it("a budget also refreshes the categories it puts in use", async () => {
    expect(await refreshed((c) => afterBudgetWrite(c, 1))).toEqual(
      [...MONEY_OF_YEAR_1, "categories"].sort(),
    );
  });

  it("an attachment refreshes only the books", async () => {
    expect(await refreshed(afterAttachmentAdd)).toEqual(["funds", "spend", "vouchers"]);
  });

  it("a category refreshes every budget that names it, 首页 and the policy", async () => {
    expect(await refreshed(afterCategoryWrite)).toEqual(
      ["categories", "grantYear1", "grantYear2", "home", "policy", "policyHistory"].sort(),
    );
  });

  it("a policy version refreshes the policy and its history", async () => {
    expect(await refreshed(afterPolicyWrite)).toEqual(["policy", "policyHistory"]);
  });

  it("a member refreshes the members, the lists' counts and the projects' undertakers", async () => {
    expect(await refreshed(afterMemberWrite)).toEqual(
      ["category", "community", "member", "members", "progress", "project", "projects"].sort(),
    );
  });

  it("a list entry refreshes its own list", async () => {
    expect(await refreshed((c) => afterListWrite(c, "community"))).toEqual(["community"]);
  });

  it("the federation profile refreshes the session and 首页", async () => {
    expect(await refreshed(afterFederationWrite)).toEqual(["home", "session"]);
  });

  it("a saved draft becomes the cached draft and re-runs that year's checklist", async () => {
    const client = makeQueryClient();
    client.setQueryData(k.packet.preflight(1), { cached: true });
    client.setQueryData(k.packet.preflight(2), { cached: true });
    const saved = { grantYearId: 1 } as Parameters<typeof afterDraftSave>[1];
    await afterDraftSave(client, saved);
    expect(client.getQueryData(k.packet.draft(1))).toBe(saved);
    expect(client.getQueryState(k.packet.preflight(1))?.isInvalidated).toBe(true);
    expect(client.getQueryState(k.packet.preflight(2))?.isInvalidated).toBe(false);
  });

  it("a backup refreshes the list of backups", async () => {
    expect(await refreshed(afterBackup)).toEqual(["backups"]);
  });

  it("replaced books (a restore, the demo) refresh everything", async () => {
    expect(await refreshed(afterBooksReplaced)).toEqual(Object.keys(CACHED).sort());
  });
});
