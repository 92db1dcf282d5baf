// Vite builds the page only: root web/, output dist/. The library (dist/lib/) is copied by
// scripts/build.sh and loaded at run time with a relative URL, so it is never bundled.
import {defineConfig} from "vite";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("./web", import.meta.url));

export default defineConfig({
  root,
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
