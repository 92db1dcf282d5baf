// Bundles every web/messages/<locale>/*.json into one catalog per locale, keyed by file name,
// and gives each language its messages (English is every other locale's fallback).
import {createMessages} from "./messages.js";
import {LOCALE_OF_LANG} from "./locale.js";

const files = import.meta.glob("../../messages/*/*.json", {eager: true, import: "default"});

/** locale -> namespace -> messages. */
export const catalogs = {};
for (const [path, content] of Object.entries(files)) {
  const [locale, file] = path.split("/").slice(-2);
  (catalogs[locale] ??= {})[file.slice(0, -".json".length)] = content;
}

const reported = new Set();
/** During development a missing key is logged once (tests/js/messages.test.mjs fails on it too). */
function reportMissing(key, locale) {
  if (!import.meta.env?.DEV || reported.has(`${locale}:${key}`)) return;
  reported.add(`${locale}:${key}`);
  console.warn(`i18n: "${key}" is missing in ${locale}; English is shown`);
}

const cache = new Map();
/** The messages of a language ("en" or "zh"), one object per page and language. */
export function loadMessages(lang = "en") {
  const locale = LOCALE_OF_LANG[lang] ?? "en";
  if (!cache.has(locale)) {
    cache.set(locale, createMessages(catalogs[locale] ?? {}, locale, undefined, {fallback: locale === "en" ? undefined : catalogs.en, onMissing: reportMissing}));
  }
  return cache.get(locale);
}
