// Server state of the 服务项目 area. Project queries are refetched whenever a page showing them
// mounts (staleTime 0): payments and reversals made under 记账, or an inspection recorded under
// 成员单位, change what a project shows. Every write here is `afterProjectWrite`: agreements hold
// budget, so the books, the grant years and 首页 change with the projects. 拨付 is a posting
// (books/queries `usePostExpense`).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  activityAdd,
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
  type ProjectInput,
  type ProjectQuery,
  type TerminateInput,
} from "../../ipc";
import { afterProjectWrite, queryKeys } from "../../kit/queryKeys";

export function useProjects(query: ProjectQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.projects.list(query),
    queryFn: () => projectsList(query),
    placeholderData: (previous) => previous,
    staleTime: 0,
    enabled,
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: queryKeys.projects.one(id),
    queryFn: () => projectGet(id),
    staleTime: 0,
    enabled: Number.isInteger(id),
  });
}

export function useGrantProgress(grantYearId: number | null) {
  return useQuery({
    queryKey: queryKeys.projects.progress(grantYearId),
    queryFn: () => grantProgress(grantYearId as number),
    staleTime: 0,
    enabled: grantYearId !== null,
  });
}

export function useSaveProject(id: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectInput) =>
      id === null ? projectCreate(input) : projectUpdate(id, input),
    onSuccess: (d) => afterProjectWrite(client, d.project.grantYearId),
  });
}

export function useStartProject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => projectStart(id),
    onSuccess: (d) => afterProjectWrite(client, d.project.grantYearId),
  });
}

export function useCloseProject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CloseOutInput) => projectClose(id, input),
    onSuccess: (d) => afterProjectWrite(client, d.project.grantYearId),
  });
}

export function useTerminateProject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TerminateInput) => projectTerminate(id, input),
    onSuccess: (d) => afterProjectWrite(client, d.project.grantYearId),
  });
}

export function useAddActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) => activityAdd(input),
    onSuccess: (d) => afterProjectWrite(client, d.project.grantYearId),
  });
}
