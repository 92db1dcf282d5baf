// How the page, the element and the worker reach the library (dist/lib/activation-playground.mjs).
// Hosted, it is loaded at run time from its URL, never bundled; the offline file bundles it and
// replaces the loader (a file:// page cannot import a module by URL).
let loader = (libUrl) => import(/* @vite-ignore */ libUrl);
const libraries = new Map();

/**
 * The library module for `libUrl`, kept as a promise: once loaded it is there within the same
 * task (a dynamic import, even of a loaded module, can take a frame); a failure is not kept.
 */
export function loadLibrary(libUrl) {
  if (!libraries.has(libUrl)) {
    const library = loader(libUrl);
    library.catch(() => libraries.delete(libUrl));
    libraries.set(libUrl, library);
  }
  return libraries.get(libUrl);
}

/**
 * Posts `message` to a worker with the page's compiled core as `wasmModule` (one fetch and one
 * compile per page); if it cannot be compiled here, without it, and the worker loads the core
 * itself and reports what failed.
 */
export function postWithCompiledCore(worker, libUrl, message) {
  return loadLibrary(libUrl)
    .then((lib) => lib.compileCore())
    .then(
      (wasmModule) => worker.postMessage({...message, wasmModule}),
      () => worker.postMessage(message),
    );
}

/** Replaces how the library is loaded (the offline build hands over its bundled copy). */
export function setLibraryLoader(load) {
  loader = load;
  libraries.clear();
}
