// Renders a component as the app would (antd Chinese locale, Query client, router) for tests.
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router-dom";
import type { SessionInfo } from "../ipc";
import { AppProviders, makeQueryClient } from "../providers";

export function renderWithApp(ui: ReactElement, { route = "/" }: { route?: string } = {}) {
  const queryClient = makeQueryClient();
  return {
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </AppProviders>,
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
