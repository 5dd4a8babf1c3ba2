// Server state of the 记账 area. Every key starts with BOOKS_KEY, so one invalidation after a write
// refreshes vouchers, months, balances and reports alike; a posting also changes the grant year's
// page (budget spent) and 首页, which are invalidated with it.
import {
  keepPreviousData,
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
  type LedgerFilter,
  type ReversalInput,
  type VoucherQuery,
} from "../../ipc";
import { GRANT_YEARS_KEY, grantYearKey, HOME_KEY } from "../grants/queries";

export const BOOKS_KEY = ["books"] as const;

export function useVouchers(query: VoucherQuery) {
  return useQuery({
    queryKey: [...BOOKS_KEY, "vouchers", query],
    queryFn: () => vouchersList(query),
    placeholderData: keepPreviousData,
  });
}

/** How many vouchers a grant year holds (首页), or 0 while unknown. */
export function useVoucherCount(grantYearId: number | null): number {
  const q = useQuery({
    queryKey: [...BOOKS_KEY, "vouchers", "count", grantYearId],
    queryFn: () =>
      vouchersList({ grantYearId: grantYearId as number, month: null, page: 1, pageSize: 1 }),
    enabled: grantYearId !== null,
  });
  return q.data?.total ?? 0;
}

export function useSpendOptions(grantYearId: number) {
  return useQuery({
    queryKey: [...BOOKS_KEY, "spend", grantYearId],
    queryFn: () => spendOptions(grantYearId),
  });
}

export function useMonths(grantYearId: number) {
  return useQuery({
    queryKey: [...BOOKS_KEY, "months", grantYearId],
    queryFn: () => monthsList(grantYearId),
  });
}

/** The chart a grant year's books are kept in: chosen by its dates (2026 on: 财会〔2024〕25号). */
export function useChart(grantYearId: number) {
  return useQuery({
    queryKey: [...BOOKS_KEY, "chart", grantYearId],
    queryFn: () => chartGet(grantYearId),
  });
}

export function useBudgetExecution(grantYearId: number) {
  return useQuery({
    queryKey: [...BOOKS_KEY, "report", "execution", grantYearId],
    queryFn: () => reportBudgetExecution(grantYearId),
  });
}

export function useLedgerReport(filter: LedgerFilter) {
  return useQuery({
    queryKey: [...BOOKS_KEY, "report", "ledger", filter],
    queryFn: () => reportLedger(filter),
    placeholderData: keepPreviousData,
  });
}

export function useFundsReport(grantYearId: number) {
  return useQuery({
    queryKey: [...BOOKS_KEY, "report", "funds", grantYearId],
    queryFn: () => reportFunds(grantYearId),
  });
}

export function useActivityStatement(grantYearId: number) {
  return useQuery({
    queryKey: [...BOOKS_KEY, "report", "activities", grantYearId],
    queryFn: () => reportActivities(grantYearId),
  });
}

/** An attachment's bytes never change (they are named by their SHA-256): fetched once. */
export function useAttachmentBytes(sha256: string | null) {
  return useQuery({
    queryKey: ["attachment", sha256],
    queryFn: () => attachmentRead(sha256 as string),
    enabled: sha256 !== null,
    gcTime: 60_000,
  });
}

/** What a write to the books changes: the books area, the grant years (spent), 首页. */
export function invalidateBooks(queryClient: QueryClient, grantYearId?: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: BOOKS_KEY }),
    queryClient.invalidateQueries({ queryKey: GRANT_YEARS_KEY }),
    queryClient.invalidateQueries({
      queryKey: grantYearId === undefined ? ["grantYear"] : grantYearKey(grantYearId),
    }),
    queryClient.invalidateQueries({ queryKey: HOME_KEY }),
  ]);
}

export function usePostExpense() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpenseInput) => expensePost(input),
    onSuccess: (v) => invalidateBooks(queryClient, v.grantYearId),
  });
}

export function useReverseVoucher() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReversalInput) => voucherReverse(input),
    onSuccess: (v) => invalidateBooks(queryClient, v.grantYearId),
  });
}

export function useAttachFiles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ voucherId, files }: { voucherId: number; files: AttachmentRef[] }) =>
      voucherAttach(voucherId, files),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BOOKS_KEY }),
  });
}

export function useCloseMonth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => monthClose(month),
    onSuccess: () => invalidateBooks(queryClient),
  });
}

export function useReopenMonth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ month, reason }: { month: string; reason: string }) =>
      monthReopen(month, reason),
    onSuccess: () => invalidateBooks(queryClient),
  });
}
