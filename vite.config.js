// Vite builds the page only: root web/, output dist/. The library (dist/lib/) is copied by
// scripts/build.sh and loaded at run time with a relative URL, so it is never bundled.
import {defineConfig} from "vite";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("./web", import.meta.url));

/**
 * The page's entry script blocks rendering (Chrome): the first paint already shows the translated
 * header and the trainer's panels at their size, so nothing shifts in (Vite drops the attribute).
 */
const renderBlockingEntry = {
  name: "render-blocking-entry",
  transformIndexHtml: {
    order: "post",
    handler: (html) => html.replace('<script type="module" crossorigin', '<script type="module" blocking="render" crossorigin'),
  },
};

export default defineConfig({
  root,
  plugins: [renderBlockingEntry],
  base: "./",
  publicDir: "public",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: {polyfill: false},
    sourcemap: false,
  },
  worker: {
    format: "es",
  },
  server: {
    host: "127.0.0.1",
    fs: {allow: [fileURLToPath(new URL(".", import.meta.url))]},
  },
  clearScreen: false,
});
