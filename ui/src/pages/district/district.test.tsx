// The 区级汇总 page against a mocked IPC that answers with Rust's own answers
// (src/test/from-rust/district.json, written by src-tauri/district/tests/ui_fixtures.rs from the
// committed sample packets): several ZIPs in one pick, each answered on its own line (a changed
// one refused with its reason, the others added), the summary refetched after; the year's table
// with its totals, what the district still owes, and the export's saved path.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DistrictAddResult, DistrictPacket, DistrictSummary, ErrorPayload } from "../../ipc";
import { districtExport, districtPacketAdd, districtPackets, districtSummary } from "../../ipc";
import rust from "../../test/from-rust/district.json";
import { renderWithApp, session } from "../../test/render";
import DistrictPage from "./index";

vi.mock("../../ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc")>()),
  districtExport: vi.fn(),
  districtPacketAdd: vi.fn(),
  districtPackets: vi.fn(),
  districtSummary: vi.fn(),
}));

const SUMMARY = rust.summary as DistrictSummary;
const EMPTY: DistrictSummary = {
  today: SUMMARY.today,
  years: [],
  owed: [],
  owedTotal: "0.00",
  packets: 0,
};
const ADDED = rust.added as DistrictAddResult[];
const REFUSED = rust.refused as ErrorPayload;
const DISTRICT = session({
  mode: "district",
  federation: null,
  dataFile: "/data/district.shelian",
});

function zip(name: string): File {
  return new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: "application/zip" });
}

beforeEach(() => {
  vi.mocked(districtSummary).mockReset();
  vi.mocked(districtPacketAdd).mockReset();
  vi.mocked(districtPackets)
    .mockReset()
    .mockResolvedValue(rust.packets as DistrictPacket[]);
  vi.mocked(districtExport).mockReset();
});

describe("区级汇总", () => {
  it("adds several ZIPs in one pick, each answered on its own line, then shows the summary", async () => {
    vi.mocked(districtSummary).mockResolvedValueOnce(EMPTY).mockResolvedValue(SUMMARY);
    vi.mocked(districtPacketAdd).mockImplementation(async (file: File) => {
      if (file.name === "tampered.zip") throw REFUSED;
      const answer = ADDED.find((a) => a.fileName === file.name);
      if (!answer) throw new Error(`no answer for ${file.name}`);
      return answer;
    });
    renderWithApp(<DistrictPage session={DISTRICT} />);
    expect(await screen.findByText(/尚未添加申报材料/)).toBeInTheDocument();

    const files = [...ADDED.map((a) => zip(a.fileName)), zip("tampered.zip")];
    fireEvent.change(screen.getByTestId("district-files"), { target: { files } });

    await waitFor(() => expect(screen.getAllByTestId("district-add-result")).toHaveLength(4));
    const lines = screen.getAllByTestId("district-add-result");
    expect(lines.map((l) => l.dataset.status)).toEqual(["added", "added", "added", "refused"]);
    expect(lines[0]).toHaveTextContent(ADDED[0].message);
    expect(lines[3]).toHaveTextContent(REFUSED.message);
    expect(REFUSED.message).toContain("「tampered.zip」没有添加");
    // One call per file, in the order picked.
    expect(vi.mocked(districtPacketAdd).mock.calls.map(([f]) => f.name)).toEqual(
      files.map((f) => f.name),
    );

    // The summary was read again after the adds: the newest year first, with its totals.
    const table = await screen.findByTestId("district-year-2026");
    expect(within(table).getByText("样例1街道社区社会组织联合会")).toBeInTheDocument();
    const y2026 = SUMMARY.years[0];
    expect(y2026.year).toBe(2026);
    expect(screen.getByTestId("district-total-received-2026")).toHaveTextContent("260,000.00");
    expect(within(table).getByText(`合计（${y2026.totals.federations} 家）`)).toBeInTheDocument();
  });

  it("lists what the district still owes, most days first, and exports the workbook", async () => {
    vi.mocked(districtSummary).mockResolvedValue(SUMMARY);
    vi.mocked(districtExport).mockResolvedValue({
      path: "/home/kz/Downloads/district-summary-20261205.xlsx",
      fileName: "district-summary-20261205.xlsx",
    });
    renderWithApp(<DistrictPage session={DISTRICT} />);
    const owed = await screen.findByTestId("district-owed");
    const rows = within(owed).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(SUMMARY.owed.length);
    expect(rows[0]).toHaveTextContent(SUMMARY.owed[0].federation);
    expect(rows[0]).toHaveTextContent(`${SUMMARY.owed[0].days} 天`);
    expect(SUMMARY.owed[0].days).toBeGreaterThanOrEqual(SUMMARY.owed[1].days);

    await userEvent.click(screen.getByTestId("district-export-xlsx"));
    expect(districtExport).toHaveBeenCalledWith("xlsx");
    expect(await screen.findByTestId("district-export-done")).toHaveTextContent(
      "已保存：/home/kz/Downloads/district-summary-20261205.xlsx",
    );
  });

  it("shows an older packet's history from its row", async () => {
    const row = { ...SUMMARY.years[0].rows[0], replaced: 1 };
    const summary: DistrictSummary = {
      ...SUMMARY,
      years: [
        { ...SUMMARY.years[0], rows: [row, ...SUMMARY.years[0].rows.slice(1)] },
        ...SUMMARY.years.slice(1),
      ],
    };
    vi.mocked(districtSummary).mockResolvedValue(summary);
    renderWithApp(<DistrictPage session={DISTRICT} />);
    await userEvent.click(await screen.findByText("另有 1 份旧版"));
    expect(
      await screen.findByText(`${row.federation} ${row.year} 年度 · 收到的申报材料`),
    ).toBeInTheDocument();
    await waitFor(() => expect(districtPackets).toHaveBeenCalled());
    expect(await screen.findByText("当前")).toBeInTheDocument();
  });
});
