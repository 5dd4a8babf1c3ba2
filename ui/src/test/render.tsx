// Renders a component as the app would (antd Chinese locale, Query client, router) for tests.
import { StyleProvider } from "@ant-design/cssinjs";
import { render } from "@testing-library/react";
import { ConfigProvider } from "antd";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router-dom";
import type { SessionInfo } from "../ipc";
import { AppProviders, makeQueryClient } from "../providers";

// Why the two wrappers: antd's CSS-in-JS injects hundreds of rules into jsdom's document, and jsdom
// resolves every getComputedStyle call (which getByRole and user-event make for each element) against
// all of them; one settings test took 29 s that way (issue 13). `mock="server"` keeps the styles out
// of the document, and `motion: false` shows and hides modals at once instead of after a transition,
// so no test waits on an animation frame. Behaviour, markup and text are unchanged.
export function renderWithApp(ui: ReactElement, { route = "/" }: { route?: string } = {}) {
  const queryClient = makeQueryClient();
  return {
    queryClient,
    ...render(
      <StyleProvider mock="server">
        <AppProviders queryClient={queryClient}>
          <ConfigProvider theme={{ token: { motion: false } }}>
            <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
          </ConfigProvider>
        </AppProviders>
      </StyleProvider>,
    ),
  };
}

export function session(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    mode: "real",
    dataFile: "/home/mishu/.local/share/shelian/books.sqlite",
    dataDir: "/home/mishu/.local/share/shelian",
    schemaVersion: 1,
    appVersion: "0.1.0",
    today: "2026-11-26",
    federation: {
      name: "某某街道社会组织联合会",
      creditCode: "51320106MJ0000000X",
      street: "某某街道",
      district: "鼓楼区",
      recognitionDate: null,
      recognitionDocNo: "",
      legalRep: "张三",
      secretary: "李四",
      phone: "025-12345678",
      address: "",
      bankName: "",
      bankAccount: "",
      updatedAt: "2026-11-26 10:00:00",
    },
    ...overrides,
  };
}
