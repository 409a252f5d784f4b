import { defineConfig } from "vite";

// Builds into Edge.Api/wwwroot with fixed names (index.html, app.js, app.css): Edge.Api serves them as static files,
// and /ops (wwwroot/ops, plain files in git) is left alone (emptyOutDir: false). One bundle, nothing from a CDN.
export default defineConfig({
  root: ".",
  base: "/",
  build: {
    outDir: "../Edge.Api/wwwroot",
    emptyOutDir: false,
    target: "es2022",
    modulePreload: false,
    sourcemap: false,
    rollupOptions: {
      output: {
        entryFileNames: "app.js",
        chunkFileNames: "app-[name].js",
        assetFileNames: (asset) => (asset.names?.some((name) => name.endsWith(".css")) ? "app.css" : "assets/[name][extname]"),
      },
    },
  },
});
