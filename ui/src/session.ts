// Server state of the open books. The session (mode, file, federation profile) is one entity under
// one query key; every mutation that changes it invalidates that key instead of patching the cache.
// Switching between the real and the demo books changes every entity, so it invalidates them all.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { sessionCloseDemo, sessionGet, sessionOpenDemo } from "./ipc";

export const SESSION_KEY = ["session"] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: sessionGet });
}

export function useOpenDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionOpenDemo,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useCloseDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sessionCloseDemo,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
