// Server state of the 申报材料 area. The preflight reads the whole file (federation, members, grant
// years, books, projects, the draft), which other pages change: it is re-run whenever the page is
// opened, on 「重新检查」, and after the draft is saved.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { packetDraftGet, packetDraftSave, packetPreflight, type PacketDraft } from "../../ipc";

export const PACKET_KEY = ["packet"] as const;
export const packetDraftKey = (grantYearId: number) => [...PACKET_KEY, "draft", grantYearId];
export const preflightKey = (grantYearId: number) => [...PACKET_KEY, "preflight", grantYearId];

export function usePacketDraft(grantYearId: number) {
  return useQuery({
    queryKey: packetDraftKey(grantYearId),
    queryFn: () => packetDraftGet(grantYearId),
  });
}

export function usePreflight(grantYearId: number) {
  return useQuery({
    queryKey: preflightKey(grantYearId),
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
    onSuccess: (saved) => {
      queryClient.setQueryData(packetDraftKey(saved.grantYearId), saved);
      return queryClient.invalidateQueries({ queryKey: preflightKey(saved.grantYearId) });
    },
  });
}
