// Entry point. The React 19 patch for antd 5 must be imported before anything that touches antd.
import "@ant-design/v5-patch-for-react-19";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { HashRouter } from "react-router-dom";
import App from "./App";
import { preloadPages } from "./pages";
import { AppProviders, makeQueryClient } from "./providers";
import { afterFirstScreen } from "./ready";
import "./styles.css";

const queryClient = makeQueryClient();

// The other pages' chunks load once the first screen has settled, so that neither waits for the
// other and a click later finds its page loaded.
afterFirstScreen(() => void preloadPages());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      {/* Hash routing: the app is served from Tauri's custom protocol, which has no server routes. */}
      <HashRouter>
        <App />
      </HashRouter>
    </AppProviders>
  </StrictMode>,
);
