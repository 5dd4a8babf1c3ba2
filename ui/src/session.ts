// Server state of the open books. The session (mode, file, federation profile) is one entity under
// one query key; every mutation that changes it invalidates that key instead of patching the cache.
// Switching between the real and the demo books changes every entity (`afterBooksReplaced`).
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { districtClose, districtOpen, sessionCloseDemo, sessionGet, sessionOpenDemo } from "./ipc";
import { afterBooksReplaced, queryKeys } from "./kit/queryKeys";

/** The session's question, as firstScreen.ts asks it before the first render and the app after. */
export const sessionQuery = queryOptions({ queryKey: queryKeys.session, queryFn: sessionGet });

export function useSession() {
  return useQuery(sessionQuery);
}

export function useOpenDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionOpenDemo,
    onSuccess: () => afterBooksReplaced(queryClient),
  });
}

export function useCloseDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionCloseDemo,
    onSuccess: () => afterBooksReplaced(queryClient),
  });
}

/** Enter 区级汇总: a different file, so every entity changes. */
export function useOpenDistrict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: districtOpen,
    onSuccess: () => afterBooksReplaced(queryClient),
  });
}

export function useCloseDistrict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: districtClose,
    onSuccess: () => afterBooksReplaced(queryClient),
  });
}
