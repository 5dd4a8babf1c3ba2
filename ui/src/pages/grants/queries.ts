// Server state of the grant years, the policy profile and the budget categories: one query key per
// entity (kit/queryKeys), and every mutation invalidates what its kind of write changes instead of
// patching caches.
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import {
  budgetAdjust,
  budgetCategoriesList,
  budgetCategoryAdd,
  budgetCategoryDelete,
  budgetCategoryRename,
  budgetSet,
  grantYearApprove,
  grantYearClose,
  grantYearCreate,
  grantYearGet,
  grantYearStart,
  grantYearsList,
  grantYearUpdate,
  homeOverview,
  policyGet,
  policyHistory,
  policySave,
  receiptAdd,
  type AdjustmentInput,
  type ApprovalInput,
  type BudgetLineInput,
  type GrantYearId,
  type GrantYearInput,
  type ReceiptInput,
} from "../../ipc";
import {
  afterBudgetWrite,
  afterCategoryWrite,
  afterGrantWrite,
  afterPolicyWrite,
  queryKeys,
} from "../../kit/queryKeys";

/** Every grant year of the file, oldest first. */
export const grantYearsQuery = queryOptions({
  queryKey: queryKeys.grantYears,
  queryFn: grantYearsList,
});

export function useGrantYears() {
  return useQuery(grantYearsQuery);
}

export function useGrantYear(id: GrantYearId) {
  return useQuery({ queryKey: queryKeys.grantYear.one(id), queryFn: () => grantYearGet(id) });
}

/**
 * 首页's question, as firstScreen.ts asks it before the first render and 首页 asks it after. The
 * answer carries every grant year, the very list `grant_years_list` answers, so it fills that query
 * too: the first visit to 记账, 服务项目 or 申报材料 does not wait on another round trip to pick its
 * year. Both keys are refreshed by the same writes (kit/queryKeys.ts).
 */
export const homeOverviewQuery = queryOptions({
  queryKey: queryKeys.home,
  queryFn: async ({ client }) => {
    const home = await homeOverview();
    client.setQueryData(queryKeys.grantYears, home.years);
    return home;
  },
});

export function useHomeOverview() {
  return useQuery(homeOverviewQuery);
}

const policyQuery = queryOptions({ queryKey: queryKeys.policy.all, queryFn: policyGet });

export function usePolicy() {
  return useQuery(policyQuery);
}

/**
 * 年度资助's first questions (kit/lazyPage's `prepare`): the grant years (usually already in from
 * 首页) and the policy its limits come from, so that the page renders once with its table.
 */
export async function prepareGrants(client: QueryClient): Promise<void> {
  await Promise.all([client.prefetchQuery(grantYearsQuery), client.prefetchQuery(policyQuery)]);
}

export function usePolicyHistory() {
  return useQuery({ queryKey: queryKeys.policy.history, queryFn: policyHistory });
}

export function useBudgetCategories() {
  return useQuery({ queryKey: queryKeys.budgetCategories, queryFn: budgetCategoriesList });
}

export function useCreateGrantYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantYearInput) => grantYearCreate(input),
    onSuccess: () => afterGrantWrite(queryClient),
  });
}

export function useUpdateGrantYear(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantYearInput) => grantYearUpdate(id, input),
    onSuccess: () => afterGrantWrite(queryClient, id),
  });
}

export function useApproveGrantYear(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApprovalInput) => grantYearApprove(id, input),
    onSuccess: () => afterGrantWrite(queryClient, id),
  });
}

export function useStartGrantYear(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => grantYearStart(id),
    onSuccess: () => afterGrantWrite(queryClient, id),
  });
}

export function useCloseGrantYear(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => grantYearClose(id),
    onSuccess: () => afterGrantWrite(queryClient, id),
  });
}

export function useAddReceipt(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReceiptInput) => receiptAdd(id, input),
    onSuccess: () => afterGrantWrite(queryClient, id),
  });
}

export function useSetBudget(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lines: BudgetLineInput[]) => budgetSet(id, lines),
    onSuccess: () => afterBudgetWrite(queryClient, id),
  });
}

export function useAdjustBudget(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AdjustmentInput) => budgetAdjust(id, input),
    onSuccess: () => afterBudgetWrite(queryClient, id),
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: policySave,
    onSuccess: () => afterPolicyWrite(queryClient),
  });
}

export function useAddCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: budgetCategoryAdd,
    onSuccess: () => afterCategoryWrite(queryClient),
  });
}

export function useRenameCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name }: { code: string; name: string }) =>
      budgetCategoryRename(code, name),
    onSuccess: () => afterCategoryWrite(queryClient),
  });
}

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: budgetCategoryDelete,
    onSuccess: () => afterCategoryWrite(queryClient),
  });
}
