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

/** True for the chunk holding the explorer's entry (its preview): Rollup may merge it with modules it shares, leaving it without a facade. */
export const holdsExplorerEntry = (chunk) => chunk.moduleIds.some((id) => id.endsWith("/explorer/index.js"));

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

/**
 * Everything the first screen needs is asked for as soon as the HTML arrives, instead of one
 * round trip after another (entry script -> explorer chunk -> library -> core -> .wasm): on a
 * slow link each round trip costs half a second. Over HTTP/1.1 a browser opens six connections
 * to a host, so the first six requests are these, the entry script and its stylesheet first;
 * the rest (a small module the library imports, the explorer's stylesheet) follow. The
 * library is not bundled (scripts/build.sh copies it), so its files are named here.
 */
const LIBRARY_PRELOADS = [
  '<link rel="preload" as="fetch" crossorigin href="./lib/activation-playground.wasm">',
  '<link rel="modulepreload" crossorigin href="./lib/activation-playground.mjs">',
  '<link rel="modulepreload" crossorigin href="./lib/activation-playground-core.mjs">',
  '<link rel="modulepreload" crossorigin href="./lib/number-format.mjs">',
];
const firstScreenPreloads = {
  name: "first-screen-preloads",
  apply: "build",
  transformIndexHtml: {
    order: "post",
    handler(html, {bundle}) {
      const explorer = Object.values(bundle ?? {}).find((chunk) => chunk.type === "chunk" && holdsExplorerEntry(chunk));
      const links = [...LIBRARY_PRELOADS];
      // The trainer's worker script: into the HTTP cache at once (a worker request cannot use a
      // preload, but a hashed asset is cached for good), so the trainer does not wait a round trip.
      const worker = Object.values(bundle ?? {}).find((item) => /(^|\/)trainer-worker-[\w-]+\.js$/.test(item.fileName));
      if (explorer) links.splice(3, 0, `<link rel="modulepreload" crossorigin href="./${explorer.fileName}">`);
      if (worker) links.push(`<link rel="prefetch" href="./${worker.fileName}">`);
      // uPlot (the loss chart's library) is its own chunk so that the render-blocking entry stays small.
      const uplot = Object.values(bundle ?? {}).find((chunk) => chunk.type === "chunk" && /\/node_modules\/uplot\//.test(chunk.facadeModuleId ?? ""));
      if (uplot) links.push(`<link rel="modulepreload" crossorigin href="./${uplot.fileName}">`);
      return html.replace(/\n(\s*)<\/head>/, `\n$1  ${links.join("\n$1  ")}\n$1</head>`);
    },
  },
};

export default defineConfig({
  root,
  plugins: [renderBlockingEntry, firstScreenPreloads, legalFiles()],
  base: "./",
  publicDir: "public",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: {polyfill: false},
    sourcemap: false,
    rollupOptions: {
      // The explorer's entry chunk shares modules with its live views, so Rollup would name it
      // after a file ("index"); in a network list it should say what it is.
      output: {chunkFileNames: (chunk) => (holdsExplorerEntry(chunk) ? "assets/explorer-[hash].js" : "assets/[name]-[hash].js")},
    },
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
