// Server state of the open books. The session (mode, file, federation profile) is one entity under
// one query key; every mutation that changes it invalidates that key instead of patching the cache.
// Switching between the real and the demo books changes every entity (`afterBooksReplaced`).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { sessionCloseDemo, sessionGet, sessionOpenDemo } from "./ipc";
import { afterBooksReplaced, queryKeys } from "./kit/queryKeys";

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: sessionGet });
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
