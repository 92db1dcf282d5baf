// The library as the offline file holds it: bundled, not loaded by URL, and its wasm compiled
// from the bytes inlined in the page (a file:// page can fetch neither a module nor a .wasm).
import * as library from "../../../build/lib/activation-playground.mjs";
import {WASM_BLOCK_ID} from "./wasm-block.js";

let compiled = null;
let shared = null;

/** The core compiled once from the inlined bytes; handed to the worker like the hosted page does. */
function compileInlined() {
  compiled ??= (() => {
    const block = document.getElementById(WASM_BLOCK_ID);
    if (!block) return Promise.reject(new Error(`offline file: no #${WASM_BLOCK_ID} block`));
    const binary = atob(block.textContent.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return WebAssembly.compile(bytes);
  })();
  return compiled;
}

/** The library's API with compileCore and loadCore reading the inlined wasm. */
export const offlineLibrary = {
  ...library,
  compileCore: compileInlined,
  loadCore(options = {}) {
    if (options.fresh || options.wasmModule) return library.loadCore(options);
    shared ??= compileInlined().then((wasmModule) => library.loadCore({wasmModule}));
    return shared;
  },
};
