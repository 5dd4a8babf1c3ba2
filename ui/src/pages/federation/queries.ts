// The federation profile is part of the session entity, so saving it invalidates ["session"].
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { federationSave } from "../../ipc";
import { SESSION_KEY } from "../../session";

export function useSaveFederation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: federationSave,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
