// Server state of the grant years, the policy profile and the budget categories: one query key per
// entity, and every mutation invalidates the keys whose data it changes instead of patching caches.
// A grant year's change also shows on the list and on 首页, so those are invalidated with it.
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
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

export const GRANT_YEARS_KEY = ["grantYears"] as const;
export const grantYearKey = (id: GrantYearId) => ["grantYear", id] as const;
export const HOME_KEY = ["home"] as const;
export const POLICY_KEY = ["policy"] as const;
/** Under POLICY_KEY, so saving a version refreshes both. */
export const POLICY_HISTORY_KEY = ["policy", "history"] as const;
export const BUDGET_CATEGORIES_KEY = ["budgetCategories"] as const;

export function useGrantYears() {
  return useQuery({ queryKey: GRANT_YEARS_KEY, queryFn: grantYearsList });
}

export function useGrantYear(id: GrantYearId) {
  return useQuery({ queryKey: grantYearKey(id), queryFn: () => grantYearGet(id) });
}

export function useHomeOverview() {
  return useQuery({ queryKey: HOME_KEY, queryFn: homeOverview });
}

export function usePolicy() {
  return useQuery({ queryKey: POLICY_KEY, queryFn: policyGet });
}

export function usePolicyHistory() {
  return useQuery({ queryKey: POLICY_HISTORY_KEY, queryFn: policyHistory });
}

export function useBudgetCategories() {
  return useQuery({ queryKey: BUDGET_CATEGORIES_KEY, queryFn: budgetCategoriesList });
}

/** A receipt posts a voucher, and budgets feed the books' reports: the 记账 area is refreshed too. */
function invalidateGrant(queryClient: QueryClient, id?: GrantYearId) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ["books"] }),
    queryClient.invalidateQueries({ queryKey: GRANT_YEARS_KEY }),
    queryClient.invalidateQueries({
      queryKey: id === undefined ? ["grantYear"] : grantYearKey(id),
    }),
    queryClient.invalidateQueries({ queryKey: HOME_KEY }),
  ]);
}

export function useCreateGrantYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantYearInput) => grantYearCreate(input),
    onSuccess: () => invalidateGrant(queryClient),
  });
}

export function useUpdateGrantYear(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantYearInput) => grantYearUpdate(id, input),
    onSuccess: () => invalidateGrant(queryClient, id),
  });
}

export function useApproveGrantYear(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApprovalInput) => grantYearApprove(id, input),
    onSuccess: () => invalidateGrant(queryClient, id),
  });
}

export function useStartGrantYear(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => grantYearStart(id),
    onSuccess: () => invalidateGrant(queryClient, id),
  });
}

export function useCloseGrantYear(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => grantYearClose(id),
    onSuccess: () => invalidateGrant(queryClient, id),
  });
}

export function useAddReceipt(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReceiptInput) => receiptAdd(id, input),
    onSuccess: () => invalidateGrant(queryClient, id),
  });
}

/** A budget puts categories in use, so the category list changes with it. */
export function useSetBudget(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lines: BudgetLineInput[]) => budgetSet(id, lines),
    onSuccess: () =>
      Promise.all([
        invalidateGrant(queryClient, id),
        queryClient.invalidateQueries({ queryKey: BUDGET_CATEGORIES_KEY }),
      ]),
  });
}

export function useAdjustBudget(id: GrantYearId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AdjustmentInput) => budgetAdjust(id, input),
    onSuccess: () =>
      Promise.all([
        invalidateGrant(queryClient, id),
        queryClient.invalidateQueries({ queryKey: BUDGET_CATEGORIES_KEY }),
      ]),
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: policySave,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POLICY_KEY }),
  });
}

/** Category names also appear in every budget, so renames refresh the grant years too. */
function invalidateCategories(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: BUDGET_CATEGORIES_KEY }),
    queryClient.invalidateQueries({ queryKey: ["grantYear"] }),
    queryClient.invalidateQueries({ queryKey: HOME_KEY }),
    queryClient.invalidateQueries({ queryKey: POLICY_KEY }),
  ]);
}

export function useAddCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: budgetCategoryAdd,
    onSuccess: () => invalidateCategories(queryClient),
  });
}

export function useRenameCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name }: { code: string; name: string }) =>
      budgetCategoryRename(code, name),
    onSuccess: () => invalidateCategories(queryClient),
  });
}

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: budgetCategoryDelete,
    onSuccess: () => invalidateCategories(queryClient),
  });
}
