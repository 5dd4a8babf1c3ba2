// Server state of the 申报材料 area. The preflight reads the whole file (federation, members, grant
// years, books, projects, the draft), which other pages change: it is re-run whenever the page is
// opened, on 「重新检查」, and after the draft is saved.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { packetDraftGet, packetDraftSave, packetPreflight, type PacketDraft } from "../../ipc";
import { afterDraftSave, queryKeys } from "../../kit/queryKeys";

export function usePacketDraft(grantYearId: number) {
  return useQuery({
    queryKey: queryKeys.packet.draft(grantYearId),
    queryFn: () => packetDraftGet(grantYearId),
  });
}

export function usePreflight(grantYearId: number) {
  return useQuery({
    queryKey: queryKeys.packet.preflight(grantYearId),
    queryFn: () => packetPreflight(grantYearId),
    // Anything in the file may have changed since the last check: check again on every visit.
    staleTime: 0,
    refetchOnMount: "always",
  });
}

export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PacketDraft) => packetDraftSave(input),
    onSuccess: (saved) => afterDraftSave(queryClient, saved),
  });
}
