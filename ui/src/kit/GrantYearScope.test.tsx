// The grant year a page works in: the default for each purpose, the year from the address, an
// unknown year treated as none, and a picked year written back to the address.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router-dom";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { grantYearsList, type GrantYear } from "../ipc";
import { grantDetail } from "../test/grants";
import { renderWithApp } from "../test/render";
import GrantYearScope, {
  defaultGrantYear,
  grantYearPath,
  type GrantYearPurpose,
} from "./GrantYearScope";

vi.mock("../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../ipc")>()),
  grantYearsList: vi.fn(),
}));

const BASE = grantDetail().grant;
const y = (id: number, year: number, status: GrantYear["status"]): GrantYear => ({
  ...BASE,
  id,
  year,
  sequence: year - 2018,
  status,
});
const Y2019 = y(1, 2019, "closed");
const Y2020 = y(2, 2020, "executing");
const Y2021 = y(3, 2021, "applying");

function Address() {
  const { pathname, search } = useLocation();
  return <div data-testid="address">{pathname + search}</div>;
}

function renderScope(route: string, purpose: GrantYearPurpose = "execution") {
  return renderWithApp(
    <Routes>
      <Route
        path="/books"
        element={
          <>
            <GrantYearScope
              purpose={purpose}
              title="记账"
              testId="scope-page"
              pickerTestId="scope-year"
              emptyReason="记账按年度资助进行"
            >
              {(grant) => <div data-testid="scope-grant">{grant.year}</div>}
            </GrantYearScope>
            <Address />
          </>
        }
      />
    </Routes>,
    { route },
  );
}

describe("defaultGrantYear", () => {
  it("works in the executing year, else the latest", () => {
    expect(defaultGrantYear([], "execution")).toBeNull();
    expect(defaultGrantYear([Y2019, Y2020, Y2021], "execution")).toBe(Y2020);
    expect(defaultGrantYear([Y2019, Y2021], "execution")).toBe(Y2021);
  });

  it("prepares a packet for the year being applied for, else the executing one, else the latest", () => {
    expect(defaultGrantYear([], "application")).toBeNull();
    expect(defaultGrantYear([Y2019, Y2020, Y2021], "application")).toBe(Y2021);
    expect(defaultGrantYear([Y2019, Y2020], "application")).toBe(Y2020);
    expect(defaultGrantYear([Y2019, y(4, 2022, "approved")], "application")?.year).toBe(2022);
  });

  it("takes the latest of several years in the same status", () => {
    expect(defaultGrantYear([Y2020, y(5, 2023, "executing")], "execution")?.year).toBe(2023);
  });
});

describe("GrantYearScope", () => {
  beforeEach(() => {
    vi.mocked(grantYearsList).mockReset().mockResolvedValue([Y2019, Y2020, Y2021]);
  });

  it("shows the purpose's default without a year in the address", async () => {
    renderScope("/books");
    expect(await screen.findByTestId("scope-grant")).toHaveTextContent("2020");
    expect(screen.getByTestId("scope-year")).toHaveTextContent("2020 年度资助");
  });

  it("shows the packet's default, labelled with the year of the cycle", async () => {
    renderScope("/books", "application");
    expect(await screen.findByTestId("scope-grant")).toHaveTextContent("2021");
    expect(screen.getByTestId("scope-year")).toHaveTextContent("2021 年度（第3年）");
  });

  it("shows the year the address names", async () => {
    renderScope("/books?year=2019");
    expect(await screen.findByTestId("scope-grant")).toHaveTextContent("2019");
    expect(screen.getByTestId("scope-year")).toHaveTextContent("2019 年度资助");
  });

  it("falls back to the default for a year the books do not hold", async () => {
    for (const route of ["/books?year=1999", "/books?year=abc", "/books?year="]) {
      const { unmount } = renderScope(route);
      expect(await screen.findByTestId("scope-grant")).toHaveTextContent("2020");
      unmount();
    }
  });

  it("writes a picked year into the address and shows it, keeping other parameters", async () => {
    renderScope("/books?tab=reports");
    await screen.findByTestId("scope-grant");
    fireEvent.mouseDown(screen.getByTestId("scope-year").querySelector("input")!);
    fireEvent.click(await screen.findByTitle("2019 年度资助"));

    await waitFor(() => expect(screen.getByTestId("scope-grant")).toHaveTextContent("2019"));
    expect(screen.getByTestId("address")).toHaveTextContent("/books?tab=reports&year=2019");
  });

  it("points to 年度资助 while the books hold no grant year", async () => {
    vi.mocked(grantYearsList).mockResolvedValue([]);
    renderScope("/books?year=2019");
    expect(await screen.findByText("记账按年度资助进行，目前还没有年度资助记录。")).toBeVisible();
    expect(screen.getByRole("link", { name: "去新建年度资助" })).toHaveAttribute("href", "/grants");
    expect(screen.queryByTestId("scope-year")).not.toBeInTheDocument();
    expect(screen.queryByTestId("scope-grant")).not.toBeInTheDocument();
  });

  it("shows a refusal in Chinese", async () => {
    vi.mocked(grantYearsList).mockRejectedValue({
      code: "storage",
      message: "无法读取账本文件，请重启软件后重试",
      field: null,
      rule: null,
      problems: [],
    });
    renderScope("/books");
    expect(await screen.findByText("无法读取账本文件，请重启软件后重试")).toBeInTheDocument();
  });

  it("builds a page's address for a year", () => {
    expect(grantYearPath("/projects", 2019)).toBe("/projects?year=2019");
  });
});
