// Builds the offline file's one script (build/offline/activation-playground-offline.js): the whole
// page, the library and the Emscripten runtime in one ES module that imports nothing, the trainer
// worker inlined as a classic script (file:// pages cannot start module workers), the styles in
// build/offline/style.css. scripts/offline-html.mjs then writes dist/activation-playground.html
// with the wasm inlined as base64 and a CSP that allows exactly its inline hashes.
import {defineConfig} from "vite";
import {fileURLToPath} from "node:url";

/**
 * The Emscripten runtime, made fit to be bundled: its Node shim (a top-level await, which a
 * classic worker cannot hold) becomes inert, and import.meta.url, which in a Blob worker is
 * not a base for relative URLs, becomes a fixed one. Nothing is fetched from it: the page
 * compiles the inlined wasm and hands the module to the runtime (instantiateWasm).
 */
function bundleableCore() {
  return {
    name: "bundleable-emscripten-core",
    transform(code, id) {
      // The library's own wasm URL would make Vite inline the .wasm (library mode inlines assets)
      // into every bundle that holds the library; the offline file inlines it once, itself.
      if (id.endsWith("/build/lib/activation-playground.mjs")) {
        return {code: code.replaceAll("import.meta.url", '"file:///activation-playground/"'), map: null};
      }
      if (!id.endsWith("/activation-playground-core.mjs")) return null;
      const inert = code
        .replace(/^var require = .*$/m, "var require = undefined;")
        .replace(/^var __dirname = .*$/m, 'var __dirname = "";')
        .replaceAll("import.meta.url", '"file:///activation-playground/"');
      if (inert.includes("await import(")) throw new Error("offline build: the core's Node shim changed; update bundleableCore()");
      return {code: inert, map: null};
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL("./web", import.meta.url)),
  base: "./",
  publicDir: false,
  plugins: [bundleableCore()],
  build: {
    outDir: fileURLToPath(new URL("./build/offline", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Library mode leaves ES output unminified by default; this file is meant to be small.
    minify: "esbuild",
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    modulePreload: false,
    lib: {
      entry: fileURLToPath(new URL("./web/src/offline/main.js", import.meta.url)),
      formats: ["es"],
      fileName: () => "activation-playground-offline.js",
    },
    rollupOptions: {output: {inlineDynamicImports: true}},
  },
  worker: {format: "iife", plugins: () => [bundleableCore()]},
  clearScreen: false,
});
