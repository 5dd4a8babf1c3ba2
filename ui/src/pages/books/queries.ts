// Server state of the 记账 area. Every key starts with `queryKeys.books.all`, so one invalidation
// after a write refreshes vouchers, months, balances and reports alike; what else a posting changes
// (the grant year's page, 首页, the projects) is `afterLedgerWrite`'s to say.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import {
  attachmentRead,
  chartGet,
  expensePost,
  monthClose,
  monthReopen,
  monthsList,
  reportActivities,
  reportBudgetExecution,
  reportFunds,
  reportLedger,
  spendOptions,
  voucherAttach,
  voucherReverse,
  vouchersList,
  type AttachmentRef,
  type ExpenseInput,
  type GrantYear,
  type LedgerFilter,
  type ReversalInput,
  type VoucherQuery,
} from "../../ipc";
import { askScopedGrantYear } from "../../kit/GrantYearScope";
import { afterAttachmentAdd, afterLedgerWrite, queryKeys } from "../../kit/queryKeys";

/** The page of vouchers 凭证 opens on: the whole year, newest first, 20 to a page. */
export const FIRST_VOUCHERS = { month: null, page: 1, pageSize: 20 } as const;

export const vouchersQuery = (query: VoucherQuery) =>
  queryOptions({
    queryKey: queryKeys.books.vouchers(query),
    queryFn: () => vouchersList(query),
  });

export function useVouchers(query: VoucherQuery) {
  return useQuery({ ...vouchersQuery(query), placeholderData: keepPreviousData });
}

const spendQuery = (grantYearId: number) =>
  queryOptions({
    queryKey: queryKeys.books.spend(grantYearId),
    queryFn: () => spendOptions(grantYearId),
  });

export function useSpendOptions(grantYearId: number) {
  return useQuery(spendQuery(grantYearId));
}

const monthsQuery = (grantYearId: number) =>
  queryOptions({
    queryKey: queryKeys.books.months(grantYearId),
    queryFn: () => monthsList(grantYearId),
  });

export function useMonths(grantYearId: number) {
  return useQuery(monthsQuery(grantYearId));
}

const chartQuery = (grantYearId: number) =>
  queryOptions({
    queryKey: queryKeys.books.chart(grantYearId),
    queryFn: () => chartGet(grantYearId),
  });

/** The chart a grant year's books are kept in: chosen by its dates (2026 on: 财会〔2024〕25号). */
export function useChart(grantYearId: number) {
  return useQuery(chartQuery(grantYearId));
}

export const budgetExecutionQuery = (grantYearId: number) =>
  queryOptions({
    queryKey: queryKeys.books.execution(grantYearId),
    queryFn: () => reportBudgetExecution(grantYearId),
  });

export function useBudgetExecution(grantYearId: number) {
  return useQuery(budgetExecutionQuery(grantYearId));
}

/** Whether the year has money on its books to show (cash by source): not before it executes. */
export function keepsCash(grant: GrantYear): boolean {
  return grant.status !== "applying" && grant.status !== "approved";
}

/**
 * 记账's first questions for the address's year (kit/lazyPage's `prepare`), so that the page
 * renders once with its table instead of empty, then with the vouchers, then with the months. It
 * resolves when the first page of vouchers and the months are in: the table and its month filter
 * are the page's first render. The chart's name and the cash line are asked after them (Rust
 * answers one command at a time) and not waited for: each fills a span of the header line, a
 * render of that span alone.
 */
export async function prepareBooks(client: QueryClient, search: URLSearchParams): Promise<void> {
  const grant = await askScopedGrantYear(client, search, "execution");
  if (!grant) return;
  const table = Promise.all([
    client.prefetchQuery(vouchersQuery({ grantYearId: grant.id, ...FIRST_VOUCHERS })),
    client.prefetchQuery(monthsQuery(grant.id)),
  ]);
  void client.prefetchQuery(chartQuery(grant.id));
  if (keepsCash(grant)) void client.prefetchQuery(spendQuery(grant.id));
  await table;
}

export function useLedgerReport(filter: LedgerFilter) {
  return useQuery({
    queryKey: queryKeys.books.ledger(filter),
    queryFn: () => reportLedger(filter),
    placeholderData: keepPreviousData,
  });
}

export function useFundsReport(grantYearId: number) {
  return useQuery({
    queryKey: queryKeys.books.funds(grantYearId),
    queryFn: () => reportFunds(grantYearId),
  });
}

export function useActivityStatement(grantYearId: number) {
  return useQuery({
    queryKey: queryKeys.books.activities(grantYearId),
    queryFn: () => reportActivities(grantYearId),
  });
}

/** An attachment's bytes never change (they are named by their SHA-256): fetched once. */
export function useAttachmentBytes(sha256: string | null) {
  return useQuery({
    queryKey: queryKeys.attachment(sha256),
    queryFn: () => attachmentRead(sha256 as string),
    enabled: sha256 !== null,
    gcTime: 60_000,
  });
}

/** 记一笔支出, and 拨付 (an expense naming a project: R-PROJECT and R-SPEND in one transaction). */
export function usePostExpense() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpenseInput) => expensePost(input),
    onSuccess: (v) => afterLedgerWrite(queryClient, v.grantYearId),
  });
}

export function useReverseVoucher() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReversalInput) => voucherReverse(input),
    onSuccess: (v) => afterLedgerWrite(queryClient, v.grantYearId),
  });
}

export function useAttachFiles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ voucherId, files }: { voucherId: number; files: AttachmentRef[] }) =>
      voucherAttach(voucherId, files),
    onSuccess: () => afterAttachmentAdd(queryClient),
  });
}

export function useCloseMonth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => monthClose(month),
    onSuccess: () => afterLedgerWrite(queryClient),
  });
}

export function useReopenMonth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ month, reason }: { month: string; reason: string }) =>
      monthReopen(month, reason),
    onSuccess: () => afterLedgerWrite(queryClient),
  });
}
