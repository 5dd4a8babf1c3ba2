// Live figures while a person types amounts: Rust reads every text exactly as the write will
// (Money::parse), sums them and writes the 大写. The window never reads an amount itself, so a
// preview can never disagree with what is stored. Answers are cached per list of texts, and the
// last answer stays on screen while the next one is on its way, so typing never flickers.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { moneyPreview, type MoneyPreview } from "../ipc";
import { queryKeys } from "../kit/queryKeys";

export function useMoneyPreview(texts: string[]): MoneyPreview | undefined {
  const { data } = useQuery({
    queryKey: queryKeys.moneyPreview(texts),
    queryFn: () => moneyPreview(texts),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  return data;
}
