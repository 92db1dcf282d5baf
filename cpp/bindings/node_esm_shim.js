// Emscripten 3.1.6's ES-module output still reads `__dirname` and `require()`
// when it runs under Node. Define both from import.meta.url there; in browsers
// and workers this block does nothing and imports nothing.
var __apRunsInNode = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string";
var require = __apRunsInNode ? (await import("node:module")).createRequire(import.meta.url) : undefined;
var __dirname = __apRunsInNode ? require("node:path").dirname(require("node:url").fileURLToPath(import.meta.url)) : "";
