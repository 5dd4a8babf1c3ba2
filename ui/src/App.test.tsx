// Which face the window shows for a given session: refused file, first-run setup, demo shell.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App";
import type { ErrorPayload } from "./ipc";
import { homeOverview, sessionCloseDemo, sessionGet, sessionOpenDemo } from "./ipc";
import { renderWithApp, session } from "./test/render";

vi.mock("./ipc", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./ipc")>()),
  sessionGet: vi.fn(),
  sessionOpenDemo: vi.fn(),
  sessionCloseDemo: vi.fn(),
  federationSave: vi.fn(),
  homeOverview: vi.fn(),
}));

const get = vi.mocked(sessionGet);

describe("App", () => {
  beforeEach(() => {
    vi.mocked(sessionGet).mockReset();
    vi.mocked(sessionOpenDemo).mockReset().mockResolvedValue();
    vi.mocked(sessionCloseDemo).mockReset().mockResolvedValue();
    vi.mocked(homeOverview)
      .mockReset()
      .mockResolvedValue({ current: null, years: [], currentVouchers: 0, needsRecognition: false });
  });

  it("offers both choices on first run, and opens the demo books", async () => {
    const user = userEvent.setup();
    get.mockResolvedValueOnce(session({ federation: null }));
    get.mockResolvedValueOnce(session({ mode: "demo" }));
    renderWithApp(<App />);

    expect(await screen.findByText("欢迎使用社联会管家")).toBeInTheDocument();
    expect(screen.getByTestId("setup-create")).toBeInTheDocument();
    expect(screen.getByText("示例数据保存在单独的文件中，不会影响正式账簿")).toBeInTheDocument();

    await user.click(screen.getByTestId("setup-demo"));

    expect(await screen.findByTestId("demo-banner")).toBeInTheDocument();
    expect(sessionOpenDemo).toHaveBeenCalledTimes(1);
  });

  it("shows the demo banner and the federation name in demo mode", async () => {
    const user = userEvent.setup();
    get.mockResolvedValueOnce(session({ mode: "demo" }));
    get.mockResolvedValueOnce(session());
    renderWithApp(<App />);

    const banner = await screen.findByTestId("demo-banner");
    expect(banner).toHaveTextContent("当前打开的是示例数据，仅供熟悉操作，与正式账簿无关");
    expect(screen.getByTestId("federation-name")).toHaveTextContent("某某街道社会组织联合会");

    await user.click(screen.getByTestId("demo-close"));

    expect(sessionCloseDemo).toHaveBeenCalledTimes(1);
    await screen.findByText("本社联会");
    expect(screen.queryByTestId("demo-banner")).not.toBeInTheDocument();
  });

  it("explains a refused data file and still offers the demo books", async () => {
    const refused: ErrorPayload = {
      code: "file_refused",
      message: "数据文件 D:\\社联会\\books.sqlite 由更新版本的社联会管家创建，请升级软件后再打开",
      field: null,
      rule: null,
      problems: [],
    };
    get.mockRejectedValueOnce(refused);
    renderWithApp(<App />);

    expect(await screen.findByText("无法打开数据文件")).toBeInTheDocument();
    expect(screen.getByText(refused.message)).toBeInTheDocument();
    expect(screen.getByText(/请不要删除或改动这个文件/)).toBeInTheDocument();
    expect(screen.getByTestId("refused-open-demo")).toBeInTheDocument();
  });
});
