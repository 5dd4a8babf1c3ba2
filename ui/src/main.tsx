// Entry point. The React 19 patch for antd 5 must be imported before anything that touches antd.
import "@ant-design/v5-patch-for-react-19";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { HashRouter } from "react-router-dom";
import App from "./App";
import { askFirstScreen } from "./firstScreen";
import { preloadPages } from "./pages";
import { AppProviders, makeQueryClient } from "./providers";
import { afterFirstScreen } from "./ready";
import "./styles.css";

const queryClient = makeQueryClient();

// The other pages' chunks load once the first screen has settled, so that neither waits for the
// other and a click later finds its page loaded; then antd's list-page parts are rendered once out
// of the document (kit/warmUp.tsx), so that the first list page opened finds their code compiled.
afterFirstScreen(
  () =>
    void preloadPages()
      .then(() => import("./kit/warmUp"))
      .then(({ warmUp }) =>
        warmUp((children) => <AppProviders queryClient={queryClient}>{children}</AppProviders>),
      )
      .catch((e: unknown) => console.warn("warm-up skipped", e)),
);

// The session and 首页 are asked for before anything renders, and the first render waits for the
// answers (FIRST_SCREEN_WAIT_MS at most): the window draws 首页 once, with its figures, instead of
// 正在打开, then the frame, then the figures, each render waiting on the last to ask its question.
void askFirstScreen(queryClient).then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        {/* Hash routing: the app is served from Tauri's custom protocol, which has no server routes. */}
        <HashRouter>
          <App />
        </HashRouter>
      </AppProviders>
    </StrictMode>,
  ),
);
