// How the page, the element and the worker reach the library (dist/lib/activation-playground.mjs).
// Hosted, it is loaded at run time from its URL, never bundled; the offline file bundles it and
// replaces the loader (a file:// page cannot import a module by URL).
let loader = (libUrl) => import(/* @vite-ignore */ libUrl);

/** The library module for `libUrl`. */
export function loadLibrary(libUrl) {
  return loader(libUrl);
}

/** Replaces how the library is loaded (the offline build hands over its bundled copy). */
export function setLibraryLoader(load) {
  loader = load;
}
