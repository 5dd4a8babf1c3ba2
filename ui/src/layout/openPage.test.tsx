// A page opened from the menu asks its first questions before it renders, so it appears once,
// with its data: 记账 with its first vouchers, not an empty table and then the rows. A slow answer
// does not hold the click for long, and of two quick clicks the last one decides.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../App";
import {
  chartGet,
  grantYearsList,
  homeOverview,
  monthsList,
  sessionGet,
  spendOptions,
  vouchersList,
  type VoucherPage,
} from "../ipc";
import { BooksPage } from "../pages";
import { CHART_2004, EXPENSE, MONTHS, RECEIPT, SPEND_OPTIONS } from "../test/books";
import { deferred } from "../test/deferred";
import { grantDetail, homeWith } from "../test/grants";
import { renderWithApp, session } from "../test/render";

vi.mock("../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../ipc")>()),
  chartGet: vi.fn(),
  grantYearsList: vi.fn(),
  homeOverview: vi.fn(),
  monthsList: vi.fn(),
  sessionGet: vi.fn(),
  spendOptions: vi.fn(),
  vouchersList: vi.fn(),
}));

const DETAIL = grantDetail();

// The window loads the pages' chunks once the first screen is ready (main.tsx); so does this test,
// before it clicks, so that what is timed is the questions, not a first compilation of the page.
beforeAll(() => BooksPage.preload(), 30_000);

beforeEach(() => {
  vi.mocked(sessionGet).mockReset().mockResolvedValue(session());
  vi.mocked(homeOverview).mockReset().mockResolvedValue(homeWith(DETAIL, 2));
  vi.mocked(grantYearsList).mockReset().mockResolvedValue([DETAIL.grant]);
  vi.mocked(monthsList).mockReset().mockResolvedValue(MONTHS);
  vi.mocked(chartGet).mockReset().mockResolvedValue(CHART_2004);
  vi.mocked(spendOptions).mockReset().mockResolvedValue(SPEND_OPTIONS);
  vi.mocked(vouchersList).mockReset();
});

async function openHome() {
  renderWithApp(<App />);
  return screen.findByRole("menuitem", { name: /记账/ });
}

describe("opening a page from the menu", () => {
  it("asks 记账's first questions before it renders, and renders it with its vouchers", async () => {
    const user = userEvent.setup();
    const answer = deferred<VoucherPage>();
    vi.mocked(vouchersList).mockReturnValue(answer.promise);
    await user.click(await openHome());

    await vi.waitFor(() =>
      expect(vouchersList).toHaveBeenCalledWith({
        grantYearId: 1,
        month: null,
        page: 1,
        pageSize: 20,
      }),
    );
    expect(monthsList).toHaveBeenCalledWith(1);
    expect(chartGet).toHaveBeenCalledWith(1);
    expect(spendOptions).toHaveBeenCalledWith(1);
    expect(screen.queryByTestId("books-page")).toBeNull();

    answer.resolve({ total: 2, items: [EXPENSE, RECEIPT] });
    const page = await screen.findByTestId("books-page");
    // The first render of the page already holds the rows and the months: nothing in between.
    expect(within(page).getByText("记-2019-0002")).toBeInTheDocument();
    expect(await within(page).findByTestId("books-chart")).toHaveTextContent("科目表版本");
    expect(vouchersList).toHaveBeenCalledTimes(1);
    expect(monthsList).toHaveBeenCalledTimes(1);
  });

  it("opens the page anyway when the answer is slow, and the rows come when it does", async () => {
    const user = userEvent.setup();
    const answer = deferred<VoucherPage>();
    vi.mocked(vouchersList).mockReturnValue(answer.promise);
    await user.click(await openHome());

    const page = await screen.findByTestId("books-page");
    expect(within(page).queryByText("记-2019-0002")).toBeNull();
    answer.resolve({ total: 2, items: [EXPENSE, RECEIPT] });
    expect(await within(page).findByText("记-2019-0002")).toBeInTheDocument();
    expect(vouchersList).toHaveBeenCalledTimes(1);
  });

  it("follows the last click: 首页 clicked while 记账 is being asked for stays on 首页", async () => {
    const user = userEvent.setup();
    const answer = deferred<VoucherPage>();
    vi.mocked(vouchersList).mockReturnValue(answer.promise);
    await user.click(await openHome());
    await user.click(screen.getByRole("menuitem", { name: /首页/ }));

    answer.resolve({ total: 2, items: [EXPENSE, RECEIPT] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.queryByTestId("books-page")).toBeNull();
    expect(screen.getByTestId("home-page")).toBeInTheDocument();
  });
});
