// Links and snippets that reproduce an app's state: the page link, the iframe and the element.
// Pure string building (tested in node); weights compression uses the platform's streams.
import {pageSchema} from "../state/schema.js";
import {serialize} from "../state/url.js";
import {attributesFromState} from "./attributes.js";

/** Above this many characters of hash, some chat apps and browsers cut or refuse a link. */
export const LONG_LINK_CHARS = 8000;

/** The page link for `state` (presentation keys reset: a shared link opens the full page). */
export function pageLink(pageUrl, state) {
  const plain = {...state, embed: false, panels: undefined, controls: undefined, autoplay: false};
  return `${baseOf(pageUrl)}#${serialize(plain, pageSchema)}`;
}

/** The page's URL in embed mode for `state` with the chosen panels and controls. */
export function embedUrl(pageUrl, state, {panels, controls}) {
  return `${baseOf(pageUrl)}#${serialize({...state, embed: true, panels, controls, autoplay: false}, pageSchema)}`;
}

/** <iframe> markup showing `state` with the chosen panels and controls. */
export function iframeSnippet(pageUrl, state, {panels, controls, width = 640, height = 420, title = "Activation Playground"}) {
  const src = embedUrl(pageUrl, state, {panels, controls});
  return `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" title="${escapeAttribute(title)}" loading="lazy"></iframe>`;
}

/** <script> + <activation-playground> markup showing `state` with the chosen panels and controls. */
export function elementSnippet(elementUrl, state, {panels, controls}) {
  const attributes = attributesFromState({...state, panels, controls, autoplay: false});
  const text = attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
  return `<script type="module" src="${escapeAttribute(elementUrl)}"></script>\n<activation-playground${text}></activation-playground>`;
}

/** Trained weights as URL-safe text: deflate (zlib; every browser and Node 18+ has it), then base64url. */
export async function compressText(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The inverse of compressText; throws on text that is not what compressText writes. */
export async function decompressText(encoded) {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Response(stream).text();
}

function baseOf(pageUrl) {
  const url = new URL(pageUrl);
  url.hash = "";
  return url.href.replace(/#$/, "");
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
