// Links and snippets that reproduce an app's state: the page link, the iframe and the element.
// Pure string building (tested in node); weights compression (weights-text.js) uses the platform's streams.
import {pageSchema} from "../state/schema.js";
import {serialize} from "../state/url.js";
import {attributesFromState} from "./attributes.js";

// Kept in their own module: the classifier reads weights from a link without loading this one.
export {compressText, decompressText} from "./weights-text.js";

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

function baseOf(pageUrl) {
  const url = new URL(pageUrl);
  url.hash = "";
  return url.href.replace(/#$/, "");
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
