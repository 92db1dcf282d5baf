// Vite builds the page only: root web/, output dist/. The library (dist/lib/) is copied by
// scripts/build.sh and loaded at run time with a relative URL, so it is never bundled.
import {defineConfig} from "vite";
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("./web", import.meta.url));
/** Files at the top of the repository that travel with every copy of dist/. */
const LEGAL_FILES = ["LICENSE", "THIRD_PARTY_NOTICES"];

/** Copies LICENSE and THIRD_PARTY_NOTICES into dist/, so a copied folder carries its licences. */
function legalFiles() {
  return {
    name: "legal-files",
    generateBundle() {
      for (const fileName of LEGAL_FILES) {
        this.emitFile({type: "asset", fileName, source: readFileSync(fileURLToPath(new URL(`./${fileName}`, import.meta.url)))});
      }
    },
  };
}

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
  plugins: [legalFiles()],
  clearScreen: false,
});
