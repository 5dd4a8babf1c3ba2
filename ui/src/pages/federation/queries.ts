// The federation profile is part of the session entity; saving it is `afterFederationWrite`.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { federationSave } from "../../ipc";
import { afterFederationWrite } from "../../kit/queryKeys";

export function useSaveFederation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: federationSave,
    onSuccess: () => afterFederationWrite(queryClient),
  });
}
