// The id of the offline file's data block holding the wasm as base64: scripts/offline-html.mjs
// writes the block, library.js reads it.
export const WASM_BLOCK_ID = "ap-wasm";
