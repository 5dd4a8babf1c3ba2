// Decides which face the window shows, from the session alone: opening, refused file, first-run
// setup, the district workspace (区级汇总), or the app shell with its pages.
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { Suspense } from "react";
import { isErrorPayload } from "./ipc";
import PageBoundary from "./kit/PageBoundary";
import AppShell from "./layout/AppShell";
import {
  BooksPage,
  DistrictPage,
  FederationPage,
  GrantsPage,
  GrantYearPage,
  MembersPage,
  PacketPage,
  ProjectPage,
  ProjectsPage,
  SettingsPage,
  SetupPage,
} from "./pages";
import HomePage from "./pages/home";
import { OpeningScreen, RefusedScreen, SessionErrorScreen } from "./pages/startup";
import { useSession } from "./session";

export default function App() {
  const session = useSession();
  const { pathname } = useLocation();

  if (session.isPending) return <OpeningScreen />;

  if (session.isError) {
    const e: unknown = session.error;
    if (isErrorPayload(e) && e.code === "file_refused")
      return <RefusedScreen message={e.message} />;
    return <SessionErrorScreen error={e} onRetry={() => void session.refetch()} />;
  }

  const info = session.data;
  if (info.mode === "district")
    return (
      <PageBoundary>
        <Suspense fallback={<OpeningScreen />}>
          <DistrictPage session={info} />
        </Suspense>
      </PageBoundary>
    );
  if (info.mode === "real" && info.federation === null)
    return (
      <PageBoundary>
        <Suspense fallback={<OpeningScreen />}>
          <SetupPage today={info.today} />
        </Suspense>
      </PageBoundary>
    );

  return (
    <AppShell session={info}>
      {/* A page that fails to load or to render says so in the frame; another page starts afresh. */}
      <PageBoundary key={pathname}>
        {/* Nothing in between while a page's chunk loads (tens of milliseconds, and none once
            preloaded): a flash of placeholder would be busier than the short wait. */}
        <Suspense fallback={null}>
          <Routes>
            <Route path="/" element={<HomePage session={info} />} />
            <Route path="/federation" element={<FederationPage session={info} />} />
            <Route path="/grants" element={<GrantsPage session={info} />} />
            <Route path="/grants/:id" element={<GrantYearPage session={info} />} />
            <Route path="/members" element={<MembersPage session={info} />} />
            <Route path="/books" element={<BooksPage session={info} />} />
            <Route path="/projects" element={<ProjectsPage session={info} />} />
            <Route path="/projects/:id" element={<ProjectPage session={info} />} />
            <Route path="/packet" element={<PacketPage session={info} />} />
            <Route path="/settings" element={<SettingsPage session={info} />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </PageBoundary>
    </AppShell>
  );
}
