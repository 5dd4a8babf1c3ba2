// Every TanStack Query key of the window, and what each kind of write refreshes. Queries never go
// stale on their own (staleTime Infinity in providers.tsx: nothing changes the file behind the
// window's back), so a mutation that forgets a key leaves a page showing old figures until restart.
// Mutations therefore call one of the `after…` functions below instead of naming keys themselves:
// the question "what does a posting change?" has its answer here, once.
//
// Keys are prefixes of each other on purpose: invalidating `books.all` refreshes vouchers, months,
// spend options and every report of every year at once.
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type {
  GrantYearId,
  LedgerFilter,
  ListKind,
  MemberQuery,
  PacketDraft,
  ProjectQuery,
  VoucherQuery,
} from "../ipc";

export const queryKeys = {
  /** Mode, file and federation profile: one entity. */
  session: ["session"] as const,
  district: {
    all: ["district"] as const,
    summary: ["district", "summary"] as const,
    packets: ["district", "packets"] as const,
  },
  home: ["home"] as const,
  grantYears: ["grantYears"] as const,
  grantYear: {
    all: ["grantYear"] as const,
    one: (id: GrantYearId) => ["grantYear", id] as const,
  },
  /** The history is under the policy, so saving a version refreshes both. */
  policy: {
    all: ["policy"] as const,
    history: ["policy", "history"] as const,
  },
  budgetCategories: ["budgetCategories"] as const,
  books: {
    all: ["books"] as const,
    vouchers: (query: VoucherQuery) => ["books", "vouchers", query] as const,
    spend: (grantYearId: number) => ["books", "spend", grantYearId] as const,
    months: (grantYearId: number) => ["books", "months", grantYearId] as const,
    chart: (grantYearId: number) => ["books", "chart", grantYearId] as const,
    execution: (grantYearId: number) => ["books", "report", "execution", grantYearId] as const,
    ledger: (filter: LedgerFilter) => ["books", "report", "ledger", filter] as const,
    funds: (grantYearId: number) => ["books", "report", "funds", grantYearId] as const,
    activities: (grantYearId: number) => ["books", "report", "activities", grantYearId] as const,
  },
  /** An attachment's bytes are named by their SHA-256 and never change: never invalidated. */
  attachment: (sha256: string | null) => ["attachment", sha256] as const,
  projects: {
    all: ["projects"] as const,
    list: (query: ProjectQuery) => ["projects", "list", query] as const,
    one: (id: number) => ["projects", "one", id] as const,
    progress: (grantYearId: number | null) => ["projects", "progress", grantYearId] as const,
    /** What each line leaves for an agreement: moves with every money write, like the rest. */
    agreementOptions: (grantYearId: number, projectId: number | null) =>
      ["projects", "agreementOptions", grantYearId, projectId] as const,
  },
  /** Rust's reading of typed amounts: a pure function of the texts, never invalidated. */
  moneyPreview: (texts: string[]) => ["moneyPreview", texts] as const,
  members: {
    all: ["members"] as const,
    list: (query: MemberQuery) => ["members", "list", query] as const,
    one: (id: number | null) => ["members", "one", id] as const,
  },
  /** The configurable lists (成员单位类别, 社区). */
  lists: {
    all: ["lists"] as const,
    of: (kind: ListKind) => ["lists", kind] as const,
  },
  packet: {
    all: ["packet"] as const,
    draft: (grantYearId: number) => ["packet", "draft", grantYearId] as const,
    preflight: (grantYearId: number) => ["packet", "preflight", grantYearId] as const,
  },
  backups: ["backups"] as const,
};

function invalidate(client: QueryClient, keys: readonly QueryKey[]) {
  return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/**
 * Every view of a grant year's money: the books (vouchers, spend options, reports), the list of
 * years and the year's page (received, spent, budget), 首页, and the projects (paid, committed,
 * the year's progress). Vouchers, receipts, budgets and agreements all move these figures
 * together, so they are refreshed together. Without a year (a month is closed for the whole file)
 * every year's page is refreshed.
 */
function moneyKeys(grantYearId?: GrantYearId): QueryKey[] {
  return [
    queryKeys.books.all,
    queryKeys.grantYears,
    grantYearId === undefined ? queryKeys.grantYear.all : queryKeys.grantYear.one(grantYearId),
    queryKeys.home,
    queryKeys.projects.all,
  ];
}

/** A voucher was posted or reversed (记账, 拨付, 冲销), or a month was closed or reopened. */
export function afterLedgerWrite(client: QueryClient, grantYearId?: GrantYearId) {
  return invalidate(client, moneyKeys(grantYearId));
}

/** Attachments are evidence, not figures: only the books show them. */
export function afterAttachmentAdd(client: QueryClient) {
  return invalidate(client, [queryKeys.books.all]);
}

/** A grant year was created, corrected, approved, started or closed, or money arrived (到账). */
export function afterGrantWrite(client: QueryClient, grantYearId?: GrantYearId) {
  return invalidate(client, moneyKeys(grantYearId));
}

/** A budget was set or adjusted: the money, and the categories it puts in use. */
export function afterBudgetWrite(client: QueryClient, grantYearId: GrantYearId) {
  return invalidate(client, [...moneyKeys(grantYearId), queryKeys.budgetCategories]);
}

/** An agreement was signed, changed, started, closed or terminated, or an activity recorded. */
export function afterProjectWrite(client: QueryClient, grantYearId: GrantYearId) {
  return invalidate(client, moneyKeys(grantYearId));
}

/** A budget category was added, renamed or deleted: its name appears in every year's budget. */
export function afterCategoryWrite(client: QueryClient) {
  return invalidate(client, [
    queryKeys.budgetCategories,
    queryKeys.grantYear.all,
    queryKeys.home,
    queryKeys.policy.all,
  ]);
}

/** A policy version was saved (the history with it). */
export function afterPolicyWrite(client: QueryClient) {
  return invalidate(client, [queryKeys.policy.all]);
}

/**
 * A member was saved, imported, inspected or rated: the members, the lists (how many members use
 * each entry), and the projects, which show their undertaker's name and signals.
 */
export function afterMemberWrite(client: QueryClient) {
  return invalidate(client, [queryKeys.members.all, queryKeys.lists.all, queryKeys.projects.all]);
}

/** An entry of a configurable list was added or deleted. */
export function afterListWrite(client: QueryClient, kind: ListKind) {
  return invalidate(client, [queryKeys.lists.of(kind)]);
}

/** The federation profile is part of the session; 首页 says whether recognition is missing. */
export function afterFederationWrite(client: QueryClient) {
  return invalidate(client, [queryKeys.session, queryKeys.home]);
}

/** The packet's own text was saved: the stored draft is the answer, and the checklist reads it. */
export function afterDraftSave(client: QueryClient, saved: PacketDraft) {
  client.setQueryData(queryKeys.packet.draft(saved.grantYearId), saved);
  return invalidate(client, [queryKeys.packet.preflight(saved.grantYearId)]);
}

/** A backup was written. */
export function afterBackup(client: QueryClient) {
  return invalidate(client, [queryKeys.backups]);
}

/** A packet was added to the district workspace: its summary and its history. */
export function afterDistrictWrite(client: QueryClient) {
  return invalidate(client, [queryKeys.district.all]);
}

/**
 * The open books were replaced (a restore, or switching to or from the demo books or the district
 * workspace): everything shown anywhere came from the other file.
 */
export function afterBooksReplaced(client: QueryClient) {
  return client.invalidateQueries();
}
