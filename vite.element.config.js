// Builds <activation-playground> into dist/lib/activation-playground-element.mjs: styles inlined as
// text (adopted into its shadow root), the trainer and lesson workers inlined and started from
// Blob URLs (a page refuses a worker script from another origin). What an element shows only on
// demand (the live explorer, KaTeX, uPlot, the guide and lesson texts, the lessons' code, the
// exports) is in dist/lib/element-chunks/, imported by URLs relative to the element's own, so the
// element a blog loads first is 90 KB gzipped instead of 290 KB. The library beside it
// (dist/lib/activation-playground.mjs) is loaded at run time the same way, never bundled.
import {defineConfig} from "vite";
import {fileURLToPath} from "node:url";
import {holdsExplorerEntry} from "./vite.config.js";

export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  base: "./",
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("./dist/lib", import.meta.url)),
    emptyOutDir: false,
    target: "es2022",
    sourcemap: false,
    cssCodeSplit: false,
    lib: {
      entry: fileURLToPath(new URL("./web/src/element.js", import.meta.url)),
      formats: ["es"],
      fileName: () => "activation-playground-element.mjs",
    },
    rollupOptions: {
      // The element's own code stays in its file, not behind a one-line facade (a round trip).
      preserveEntrySignatures: "allow-extension",
      output: {chunkFileNames: (chunk) => `element-chunks/${holdsExplorerEntry(chunk) ? "explorer" : "[name]"}-[hash].js`},
    },
  },
  worker: {format: "es"},
  clearScreen: false,
});
