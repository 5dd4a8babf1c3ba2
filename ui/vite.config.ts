// Vite serves the UI to Tauri in development (fixed port, no screen clearing so Rust logs stay
// visible) and builds it into dist/ for the custom protocol. Vitest shares this file.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    // Tauri's documented `minify: "esbuild"` breaks Vite 8 (STACK.md): use the default minifier.
    minify: !process.env.TAURI_ENV_DEBUG,
    sourcemap: !!process.env.TAURI_ENV_DEBUG,
    // antd alone is larger than Vite's default warning threshold; the app is loaded from disk.
    chunkSizeWarningLimit: 2500,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    // Tests render antd without injecting its CSS and without motion (src/test/render.tsx), so the
    // slowest takes ~2.5 s on a loaded 2-core machine; a test that needs more is a bug, not a slow PC.
    testTimeout: 10000,
    hookTimeout: 10000,
  },
});
