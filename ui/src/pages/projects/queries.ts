// Server state of the 服务项目 area. Project queries are asked again whenever a page showing them
// mounts (stale at once, but for an answer asked as the page opened: `OPENING_MS`): payments and
// reversals made under 记账, or an inspection recorded under 成员单位, change what a project shows.
// Every write here is `afterProjectWrite`: agreements hold budget, so the books, the grant years
// and 首页 change with the projects. 拨付 is a posting (books/queries `usePostExpense`).
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
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
import { askScopedGrantYear } from "../../kit/GrantYearScope";
import { afterProjectWrite, queryKeys } from "../../kit/queryKeys";
import { listEntriesQuery } from "../members/queries";

/**
 * How long an answer counts as fresh: long enough that the page which asked it while opening
 * (kit/lazyPage's `prepare`, at most kit/whenReady's wait before it mounts) does not ask again as
 * it mounts, too short for any other page's mount to skip its own question.
 */
const OPENING_MS = 1_000;

/** The filters 服务项目 opens on: every project of the year. */
export const ALL_PROJECTS: Omit<ProjectQuery, "grantYearId"> = {
  status: null,
  memberId: null,
  communityId: null,
};

const projectsQuery = (query: ProjectQuery) =>
  queryOptions({
    queryKey: queryKeys.projects.list(query),
    queryFn: () => projectsList(query),
    staleTime: OPENING_MS,
  });

const progressQuery = (grantYearId: number) =>
  queryOptions({
    queryKey: queryKeys.projects.progress(grantYearId),
    queryFn: () => grantProgress(grantYearId),
    staleTime: OPENING_MS,
  });

export function useProjects(query: ProjectQuery, enabled = true) {
  return useQuery({
    ...projectsQuery(query),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/**
 * 服务项目's first questions (kit/lazyPage's `prepare`): for the year the address names, or the one
 * the page would pick, its projects, its progress card and the communities its filter offers, so
 * that the page renders once with its table.
 */
export async function prepareProjects(client: QueryClient, search: URLSearchParams): Promise<void> {
  const grant = await askScopedGrantYear(client, search, "execution");
  if (!grant) return;
  await Promise.all([
    client.prefetchQuery(projectsQuery({ grantYearId: grant.id, ...ALL_PROJECTS })),
    client.prefetchQuery(progressQuery(grant.id)),
    client.prefetchQuery(listEntriesQuery("community")),
  ]);
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
  return useQuery({ ...progressQuery(grantYearId as number), enabled: grantYearId !== null });
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
