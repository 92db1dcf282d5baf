// Bundles web/messages/<locale>/*.json into one catalog per locale, keyed by file name, and gives
// each language its messages (English is every other locale's fallback).
//
// What the first screen shows is bundled with the entry script for both languages, so a Chinese
// reader's first paint is already Chinese. The explorer's texts travel with the explorer's own
// chunk (explorer/messages.js registers them). The long texts of the activation guide and of
// the lessons (LAZY_NAMESPACES) are one small chunk per locale and file, loaded when a view
// asks for them (loadNamespaces); until then their keys are simply absent.
import {createMessages} from "./messages.js";
import {LOCALE_OF_LANG} from "./locale.js";

/** Namespaces loaded on demand: no view of the first screen shows them. */
export const LAZY_NAMESPACES = Object.freeze(["guide", "lessons"]);

const eagerFiles = import.meta.glob(["../../messages/*/*.json", "!../../messages/*/explorer.json", "!../../messages/*/guide.json", "!../../messages/*/lessons.json"], {
  eager: true,
  import: "default",
});
const lazyFiles = import.meta.glob(["../../messages/*/guide.json", "../../messages/*/lessons.json"], {import: "default"});

const partsOf = (path) => {
  const [locale, file] = path.split("/").slice(-2);
  return {locale, namespace: file.slice(0, -".json".length)};
};

/** locale -> namespace -> messages (the lazy namespaces once loaded). */
export const catalogs = {};
/** Adds the message files {"../../messages/<locale>/<namespace>.json": messages} to the catalogs. */
export function addMessageFiles(files) {
  for (const [path, content] of Object.entries(files)) {
    const {locale, namespace} = partsOf(path);
    (catalogs[locale] ??= {})[namespace] = content;
  }
}
addMessageFiles(eagerFiles);
/** "locale/namespace" -> () => Promise<messages>. */
const loaders = new Map(
  Object.entries(lazyFiles).map(([path, load]) => {
    const {locale, namespace} = partsOf(path);
    return [`${locale}/${namespace}`, load];
  }),
);
const loading = new Map();

const localeOf = (lang) => LOCALE_OF_LANG[lang] ?? "en";
/** Whether `namespace` of `locale` needs no loading: an eager one, or a lazy one already loaded. */
const isThere = (locale, namespace) => namespace in (catalogs[locale] ?? {}) || !loaders.has(`${locale}/${namespace}`);

/** Whether every namespace of `namespaces` is there for language `lang` (eager ones always are). */
export function hasNamespaces(lang, namespaces) {
  const locale = localeOf(lang);
  return namespaces.every((namespace) => isThere(locale, namespace));
}

/**
 * Loads the lazy namespaces `namespaces` of language `lang` into its catalog (each file once;
 * a failed load is tried again next time). Resolves when they are there.
 */
export function loadNamespaces(lang, namespaces) {
  const locale = localeOf(lang);
  return Promise.all(
    namespaces.map((namespace) => {
      if (isThere(locale, namespace)) return undefined;
      const id = `${locale}/${namespace}`;
      if (!loading.has(id)) {
        const load = loaders.get(id)().then(
          (content) => {
            (catalogs[locale] ??= {})[namespace] = content;
          },
          (error) => {
            loading.delete(id);
            throw error;
          },
        );
        loading.set(id, load);
      }
      return loading.get(id);
    }),
  ).then(() => undefined);
}

const reported = new Set();
/** During development a missing key is logged once (tests/js/messages.test.mjs fails on it too). */
function reportMissing(key, locale) {
  if (!import.meta.env?.DEV || reported.has(`${locale}:${key}`)) return;
  reported.add(`${locale}:${key}`);
  console.warn(`i18n: "${key}" is missing in ${locale}; English is shown`);
}

const cache = new Map();
/** The messages of a language ("en" or "zh"), one object per page and language (it sees namespaces loaded later). */
export function loadMessages(lang = "en") {
  const locale = localeOf(lang);
  if (!cache.has(locale)) {
    catalogs[locale] ??= {};
    catalogs.en ??= {};
    cache.set(locale, createMessages(catalogs[locale], locale, undefined, {fallback: locale === "en" ? undefined : catalogs.en, onMissing: reportMissing}));
  }
  return cache.get(locale);
}
