// Everything around the app that is not a route: antd's Chinese locale and calm theme, antd's App
// context (for message), and TanStack Query. Shared by main.tsx and the tests so both render alike.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider } from "antd";
import type { ReactNode } from "react";
import { antdLocale } from "./locale";

export const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Commands run locally: a failure will not go away by retrying, and a window regaining focus
      // does not mean the data changed underneath.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <ConfigProvider
      locale={antdLocale}
      theme={{ token: { fontFamily: FONT_STACK, colorPrimary: "#1f6fb2", borderRadius: 6 } }}
    >
      <AntdApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
