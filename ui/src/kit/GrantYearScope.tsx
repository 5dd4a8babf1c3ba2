// The grant year a page works in (记账, 服务项目, 申报材料): the picker in the page's header, the
// year shown when none was picked, and the choice kept in the address (`?year=2019`), so that a
// reload, Back from a voucher or a project, or a link from another page lands on the same year. A
// year the file does not hold (a typo, a year from other books) is treated as no choice.
import type { QueryClient } from "@tanstack/react-query";
import { Select } from "antd";
import { Fragment, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { GrantYear } from "../ipc";
import { grantYearsQuery, useGrantYears } from "../pages/grants/queries";
import ResourcePage from "./ResourcePage";

/**
 * What the page does with the year. `execution`: books and projects are kept in the year being
 * executed. `application`: the packet is prepared for the year being applied for, which is not
 * executing yet (it becomes so only after approval), while the executing year's own packet was
 * sent long ago; only without a year in application does the packet page fall back to the
 * executing one, to re-export or check what was sent.
 */
export type GrantYearPurpose = "execution" | "application";

const PREFERRED: Record<GrantYearPurpose, readonly GrantYear["status"][]> = {
  execution: ["executing"],
  application: ["applying", "executing"],
};

/** The latest year in the first status of the purpose's preference that has one, else the latest. */
export function defaultGrantYear(years: GrantYear[], purpose: GrantYearPurpose): GrantYear | null {
  const latest = (pool: GrantYear[]) => pool.reduce((a, b) => (b.year > a.year ? b : a));
  for (const status of PREFERRED[purpose]) {
    const pool = years.filter((g) => g.status === status);
    if (pool.length > 0) return latest(pool);
  }
  return years.length > 0 ? latest(years) : null;
}

/** The search parameter holding the chosen year (the calendar year, e.g. 2019). */
export const YEAR_PARAM = "year";

/**
 * The year a page shows for its address: the one `?year=` names if the file holds it, else the
 * purpose's default. The page's hook and its `prepare` (kit/lazyPage) both ask this, so the data
 * fetched before a page opens is the data it reads.
 */
export function scopedGrantYear(
  years: GrantYear[],
  search: URLSearchParams,
  purpose: GrantYearPurpose,
): GrantYear | null {
  const asked = Number(search.get(YEAR_PARAM));
  return years.find((g) => g.year === asked) ?? defaultGrantYear(years, purpose);
}

/** `scopedGrantYear` for a page's `prepare`: the grant years from the cache, asked if missing. */
export async function askScopedGrantYear(
  client: QueryClient,
  search: URLSearchParams,
  purpose: GrantYearPurpose,
): Promise<GrantYear | null> {
  return scopedGrantYear(await client.ensureQueryData(grantYearsQuery), search, purpose);
}

/** A page's address for one year, e.g. grantYearPath("/projects", 2019) → "/projects?year=2019". */
export function grantYearPath(path: string, year: number): string {
  return `${path}?${YEAR_PARAM}=${year}`;
}

function optionLabel(g: GrantYear, purpose: GrantYearPurpose): string {
  // A packet is for the n-th year of the three-year cycle, which its reader asks first.
  return purpose === "application" ? `${g.year} 年度（第${g.sequence}年）` : `${g.year} 年度资助`;
}

/** The grant years, the one in scope, and the picker that changes it (null while none exist). */
export function useGrantYearScope(purpose: GrantYearPurpose, pickerTestId?: string) {
  const years = useGrantYears();
  const [params, setParams] = useSearchParams();
  const list = years.data ?? [];
  const grant = scopedGrantYear(list, params, purpose);

  const choose = (id: number) => {
    const chosen = list.find((g) => g.id === id);
    if (!chosen) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set(YEAR_PARAM, String(chosen.year));
        return next;
      },
      // Picking a year is not a step Back should undo one by one.
      { replace: true },
    );
  };

  const picker =
    list.length > 0 ? (
      <Select
        data-testid={pickerTestId}
        style={{ width: purpose === "application" ? 190 : 170 }}
        value={grant?.id}
        onChange={choose}
        options={[...list]
          .sort((a, b) => b.year - a.year)
          .map((g) => ({ value: g.id, label: optionLabel(g, purpose) }))}
      />
    ) : null;

  return { years, grant, picker };
}

/**
 * A page in the frame of one grant year: the title card with the picker, the usual loading and
 * error states, a pointer to 年度资助 while no year exists, and `children(grant)` otherwise,
 * remounted when the year changes so that no state of one year leaks into the next.
 */
export default function GrantYearScope({
  purpose,
  title,
  testId,
  pickerTestId,
  emptyReason,
  children,
}: {
  purpose: GrantYearPurpose;
  title: ReactNode;
  testId?: string;
  pickerTestId?: string;
  /** Why the page needs a grant year, e.g. "记账按年度资助进行". */
  emptyReason: string;
  children: (grant: GrantYear) => ReactNode;
}) {
  const { years, grant, picker } = useGrantYearScope(purpose, pickerTestId);
  return (
    <ResourcePage
      title={title}
      testId={testId}
      extra={picker}
      query={years}
      empty={
        grant === null ? (
          <>
            <div>{emptyReason}，目前还没有年度资助记录。</div>
            <Link to="/grants">去新建年度资助</Link>
          </>
        ) : null
      }
    >
      {() => grant && <Fragment key={grant.id}>{children(grant)}</Fragment>}
    </ResourcePage>
  );
}
