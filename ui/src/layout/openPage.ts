// Opening a page from the menu: its chunk and its first questions first, then the address. A page
// rendered first asks its questions only once it has mounted, so the window drew it empty (a
// spinner in an empty table), then again with each answer; at city scale that was most of the
// time from the click on 记账 to its vouchers (README's city-scale table). Asked first, the answers
// take a few tens of milliseconds and the page renders once, with them.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNavigate } from "react-router-dom";
import { useShowWhenReady } from "../kit/whenReady";
import { MENU_PAGES } from "../pages";

/** Navigates to `to` once its page is prepared (kit/lazyPage), or after CLICK_WAIT_MS. */
export function useOpenPage(): (to: string) => void {
  const navigate = useNavigate();
  const client = useQueryClient();
  const showWhenReady = useShowWhenReady();
  return useCallback(
    (to: string) => {
      const [path, search = ""] = to.split("?");
      const page = MENU_PAGES[path];
      showWhenReady(page?.prepare(client, new URLSearchParams(search)) ?? null, () => navigate(to));
    },
    [client, navigate, showWhenReady],
  );
}
