// Server state of the 成员单位 area: one query key per entity; every write is `afterMemberWrite`.
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import {
  listEntries,
  memberCreate,
  memberGet,
  memberInspectionRecord,
  memberRatingRecord,
  membersList,
  memberUpdate,
  type InspectionInput,
  type ListKind,
  type MemberInput,
  type MemberQuery,
  type RatingInput,
} from "../../ipc";
import { afterMemberWrite, queryKeys } from "../../kit/queryKeys";

/** The list 成员单位 opens on: every member, by name, 20 to a page. */
export const FIRST_MEMBERS: MemberQuery = {
  search: "",
  categoryId: null,
  legalForm: null,
  communityId: null,
  status: null,
  rating: null,
  inspection: null,
  signal: null,
  sort: "name",
  descending: false,
  page: 1,
  pageSize: 20,
};

const membersQuery = (query: MemberQuery) =>
  queryOptions({
    queryKey: queryKeys.members.list(query),
    queryFn: () => membersList(query),
  });

export function useMembers(query: MemberQuery) {
  return useQuery({ ...membersQuery(query), placeholderData: (previous) => previous });
}

export function useMember(id: number | null) {
  return useQuery({
    queryKey: queryKeys.members.one(id),
    queryFn: () => memberGet(id as number),
    enabled: id !== null,
  });
}

export const listEntriesQuery = (kind: ListKind) =>
  queryOptions({ queryKey: queryKeys.lists.of(kind), queryFn: () => listEntries(kind) });

export function useListEntries(kind: ListKind) {
  return useQuery(listEntriesQuery(kind));
}

/**
 * 成员单位's first questions (kit/lazyPage's `prepare`): the first page of members and the two
 * lists its filters offer, so that the page renders once with its table.
 */
export async function prepareMembers(client: QueryClient): Promise<void> {
  await Promise.all([
    client.prefetchQuery(membersQuery(FIRST_MEMBERS)),
    client.prefetchQuery(listEntriesQuery("category")),
    client.prefetchQuery(listEntriesQuery("community")),
  ]);
}

export function useSaveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: MemberInput }) =>
      id === null ? memberCreate(input) : memberUpdate(id, input),
    onSuccess: () => void afterMemberWrite(client),
  });
}

export function useRecordInspection(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InspectionInput) => memberInspectionRecord(id, input),
    onSuccess: () => void afterMemberWrite(client),
  });
}

export function useRecordRating(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RatingInput) => memberRatingRecord(id, input),
    onSuccess: () => void afterMemberWrite(client),
  });
}
