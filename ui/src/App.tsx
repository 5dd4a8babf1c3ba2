// Decides which face the window shows, from the session alone: opening, refused file, first-run
// setup, the district workspace (区级汇总), or the app shell with its pages.
import { Navigate, Route, Routes } from "react-router-dom";
import { isErrorPayload } from "./ipc";
import AppShell from "./layout/AppShell";
import BooksPage from "./pages/books";
import DistrictPage from "./pages/district";
import FederationPage from "./pages/federation";
import GrantsPage from "./pages/grants";
import GrantYearPage from "./pages/grants/GrantYearPage";
import HomePage from "./pages/home";
import MembersPage from "./pages/members";
import PacketPage from "./pages/packet";
import ProjectsPage from "./pages/projects";
import ProjectPage from "./pages/projects/ProjectPage";
import SettingsPage from "./pages/settings";
import SetupPage from "./pages/setup";
import { OpeningScreen, RefusedScreen, SessionErrorScreen } from "./pages/startup";
import { useSession } from "./session";

export default function App() {
  const session = useSession();

  if (session.isPending) return <OpeningScreen />;

  if (session.isError) {
    const e: unknown = session.error;
    if (isErrorPayload(e) && e.code === "file_refused")
      return <RefusedScreen message={e.message} />;
    return <SessionErrorScreen error={e} onRetry={() => void session.refetch()} />;
  }

  const info = session.data;
  if (info.mode === "district") return <DistrictPage session={info} />;
  if (info.mode === "real" && info.federation === null) return <SetupPage today={info.today} />;

  return (
    <AppShell session={info}>
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
    </AppShell>
  );
}
