// Server state of the 成员单位 area: one query key per entity; every write is `afterMemberWrite`.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

export function useMembers(query: MemberQuery) {
  return useQuery({
    queryKey: queryKeys.members.list(query),
    queryFn: () => membersList(query),
    placeholderData: (previous) => previous,
  });
}

export function useMember(id: number | null) {
  return useQuery({
    queryKey: queryKeys.members.one(id),
    queryFn: () => memberGet(id as number),
    enabled: id !== null,
  });
}

export function useListEntries(kind: ListKind) {
  return useQuery({ queryKey: queryKeys.lists.of(kind), queryFn: () => listEntries(kind) });
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
