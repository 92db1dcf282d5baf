// Builds <activation-playground> into one module, dist/lib/activation-playground-element.mjs:
// styles inlined as text (adopted into its shadow root), the trainer worker inlined and started
// from a Blob URL. The library beside it (dist/lib/activation-playground.mjs) is loaded at run
// time with a URL relative to the element's own, never bundled.
import {defineConfig} from "vite";
import {fileURLToPath} from "node:url";

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
    rollupOptions: {output: {inlineDynamicImports: true}},
  },
  worker: {format: "es"},
  clearScreen: false,
});
