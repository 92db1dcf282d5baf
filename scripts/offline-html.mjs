// Writes dist/activation-playground.html: the whole playground in one file that works opened
// from file:// with no network. It holds the page's shell (web/index.html's body), its styles in
// one <style>, its one script (build/offline/, see vite.offline.config.js) as one inline module
// that imports nothing, the wasm as base64 in a data block (never executed), the licences in a
// comment, and a Content-Security-Policy allowing exactly its inline hashes and nothing remote.
// Usage: node scripts/offline-html.mjs   (after the wasm, library and offline builds)
import {createHash} from "node:crypto";
import {readFile, writeFile} from "node:fs/promises";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {gzipSync} from "node:zlib";
import {transformWithEsbuild} from "vite";
import {WASM_BLOCK_ID} from "../web/src/offline/wasm-block.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (...parts) => path.join(repoRoot, ...parts);
/** The budget for the one file. */
export const MAX_BYTES = 2 * 1024 * 1024;
export const OFFLINE_FILE = "activation-playground.html";

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Text that must not close the element it sits in. */
function guardScript(code) {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** A licence text as an HTML comment body: no "--" (comments cannot hold it). */
function asComment(text) {
  return text.replace(/-{2,}/g, (run) => "=".repeat(run.length));
}

export async function writeOfflineHtml() {
  const [script, css, indexHtml, favicon, licence, notices, wasm] = await Promise.all([
    readFile(at("build/offline/activation-playground-offline.js"), "utf8"),
    readFile(at("build/offline/style.css"), "utf8"),
    readFile(at("web/index.html"), "utf8"),
    readFile(at("web/public/favicon.svg")),
    readFile(at("LICENSE"), "utf8"),
    readFile(at("THIRD_PARTY_NOTICES"), "utf8"),
    readFile(at("build/lib/activation-playground.wasm")),
  ]);
  // Library mode keeps ES output's whitespace; this file is meant to be small.
  const minified = (await transformWithEsbuild(script, "offline.js", {minify: true, format: "esm", target: "es2022"})).code;
  const code = guardScript(minified);
  const style = css.replace(/<\/(style)/gi, "<\\/$1");
  if (/url\(\s*["']?(?!data:)/.test(style)) throw new Error("offline file: a style refers to a file; inline it or drop it");
  const body = indexHtml.match(/<body>([\s\S]*)<\/body>/)?.[1];
  if (!body) throw new Error("offline file: web/index.html has no <body>");

  const policy = [
    "default-src 'none'",
    `script-src ${sha256(code)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    "img-src data: blob:",
    "worker-src blob:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const html = `<!doctype html>
<!--
Activation Playground, offline edition: one file, no network needed.

${asComment(licence)}
${asComment(notices)}-->
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light" />
    <title></title>
    <link rel="icon" href="data:image/svg+xml;base64,${favicon.toString("base64")}" type="image/svg+xml" />
    <style>${style}</style>
  </head>
  <body class="is-offline">${body}
    <script type="application/octet-stream" id="${WASM_BLOCK_ID}">${wasm.toString("base64")}</script>
    <script type="module">${code}</script>
  </body>
</html>
`;
  const target = at("dist", OFFLINE_FILE);
  await writeFile(target, html);
  const bytes = Buffer.byteLength(html);
  const gzipped = gzipSync(html, {level: 9}).length;
  if (bytes > MAX_BYTES) throw new Error(`offline file: ${bytes} bytes, over the ${MAX_BYTES}-byte budget`);
  return {target, bytes, gzipped, wasmBytes: wasm.length};
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const {target, bytes, gzipped, wasmBytes} = await writeOfflineHtml();
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`offline file: ${path.relative(repoRoot, target)} ${kb(bytes)} raw, ${kb(gzipped)} gzipped (wasm ${kb(wasmBytes)} of it as base64)`);
}
