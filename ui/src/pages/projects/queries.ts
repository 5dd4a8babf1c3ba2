// Server state of the 服务项目 area. Project queries are refetched whenever a page showing them
// mounts (staleTime 0): payments and reversals made under 记账, or an inspection recorded under
// 成员单位, change what a project shows. Every write here invalidates the projects, and, since
// payments are vouchers and agreements hold budget, the books, the grant years and 首页 too.
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import {
  activityAdd,
  expensePost,
  grantProgress,
  projectClose,
  projectCreate,
  projectGet,
  projectsList,
  projectStart,
  projectTerminate,
  projectUpdate,
  type ActivityInput,
  type CloseOutInput,
  type ExpenseInput,
  type ProjectInput,
  type ProjectQuery,
  type TerminateInput,
} from "../../ipc";
import { invalidateBooks } from "../books/queries";

export const PROJECTS_KEY = ["projects"] as const;

export function useProjects(query: ProjectQuery, enabled = true) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, "list", query],
    queryFn: () => projectsList(query),
    placeholderData: (previous) => previous,
    staleTime: 0,
    enabled,
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, "one", id],
    queryFn: () => projectGet(id),
    staleTime: 0,
    enabled: Number.isInteger(id),
  });
}

export function useGrantProgress(grantYearId: number | null) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, "progress", grantYearId],
    queryFn: () => grantProgress(grantYearId as number),
    staleTime: 0,
    enabled: grantYearId !== null,
  });
}

/** What any write of this area changes. */
export function invalidateProjects(client: QueryClient, grantYearId?: number) {
  return Promise.all([
    client.invalidateQueries({ queryKey: PROJECTS_KEY }),
    invalidateBooks(client, grantYearId),
  ]);
}

export function useSaveProject(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectInput) =>
      id === null ? projectCreate(input) : projectUpdate(id, input),
    onSuccess: (d) => invalidateProjects(client, d.project.grantYearId),
  });
}

export function useStartProject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => projectStart(id),
    onSuccess: (d) => invalidateProjects(client, d.project.grantYearId),
  });
}

export function useCloseProject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CloseOutInput) => projectClose(id, input),
    onSuccess: (d) => invalidateProjects(client, d.project.grantYearId),
  });
}

export function useTerminateProject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TerminateInput) => projectTerminate(id, input),
    onSuccess: (d) => invalidateProjects(client, d.project.grantYearId),
  });
}

export function useAddActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) => activityAdd(input),
    onSuccess: (d) => invalidateProjects(client, d.project.grantYearId),
  });
}

/** 拨付: an expense naming the project (R-PROJECT and R-SPEND are checked in one transaction). */
export function usePayProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpenseInput) => expensePost(input),
    onSuccess: (v) => invalidateProjects(client, v.grantYearId),
  });
}
