// The federation profile is part of the session entity, so saving it invalidates ["session"]; 首页's
// overview says whether recognition is missing, so ["home"] too.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { federationSave } from "../../ipc";
import { SESSION_KEY } from "../../session";
import { HOME_KEY } from "../grants/queries";

export function useSaveFederation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: federationSave,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
        queryClient.invalidateQueries({ queryKey: HOME_KEY }),
      ]),
  });
}
