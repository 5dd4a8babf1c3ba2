// Every page but 首页 in a chunk of its own (kit/lazyPage): the window starts by parsing what its
// first screen needs, and once that screen is ready main.tsx loads the others one by one, so a
// click later finds its page loaded. The district workspace and first-run setup are loaded only
// when the session asks for them.
import { lazyPage, type LazyPage } from "../kit/lazyPage";

export const BooksPage = lazyPage(() => import("./books"));
export const MembersPage = lazyPage(() => import("./members"));
export const GrantsPage = lazyPage(() => import("./grants"));
export const GrantYearPage = lazyPage(() => import("./grants/GrantYearPage"));
export const ProjectsPage = lazyPage(() => import("./projects"));
export const ProjectPage = lazyPage(() => import("./projects/ProjectPage"));
export const PacketPage = lazyPage(() => import("./packet"));
export const FederationPage = lazyPage(() => import("./federation"));
export const SettingsPage = lazyPage(() => import("./settings"));
export const DistrictPage = lazyPage(() => import("./district"));
export const SetupPage = lazyPage(() => import("./setup"));

/** The pages of the app shell, most used first. */
const SHELL_PAGES = [
  BooksPage,
  MembersPage,
  GrantsPage,
  ProjectsPage,
  PacketPage,
  GrantYearPage,
  ProjectPage,
  FederationPage,
  SettingsPage,
];

/** The menu's pages by path, for layout/openPage.ts to prepare before it navigates. */
export const MENU_PAGES: Record<string, Pick<LazyPage<never>, "prepare">> = {
  "/federation": FederationPage,
  "/members": MembersPage,
  "/grants": GrantsPage,
  "/books": BooksPage,
  "/projects": ProjectsPage,
  "/packet": PacketPage,
  "/settings": SettingsPage,
};

/** Loads the shell's pages one after another; one that fails is loaded again when opened. */
export async function preloadPages(): Promise<void> {
  for (const page of SHELL_PAGES) {
    try {
      await page.preload();
    } catch (e) {
      console.warn("page chunk not preloaded", e);
    }
  }
}
