// UI text. Every string the page shows comes from web/messages/<locale>/*.json; a file's
// name is its namespace: "classifier.play" is key "play" of classifier.json.
// Pure: the catalogs are passed in (load.js builds them with Vite).
//
// A message is a string with {name} placeholders, or a plural message: an object of
// Intl.PluralRules categories ({"one": "…", "other": "…"}; "other" is required), chosen by the
// `count` variable. A key missing in the locale falls back to English (`fallback`) and is
// reported once through `onMissing` (the page logs it during development).

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

/** Whether a catalog node is a plural message rather than a namespace. */
export function isPlural(node) {
  return node !== null && typeof node === "object" && "other" in node && Object.keys(node).every((key) => PLURAL_CATEGORIES.has(key));
}

function lookup(catalog, key) {
  let node = catalog;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object" || !(part in node)) return undefined;
    node = node[part];
  }
  return typeof node === "string" || isPlural(node) ? node : undefined;
}

function fill(text, vars) {
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole)) : text;
}

/**
 * @param {Record<string, object>} catalog namespace -> nested messages
 * @param {string} locale
 * @param {string} [scope] namespace tried first for keys without one (given to a section)
 * @param {{fallback?: object, onMissing?: (key: string, locale: string) => void}} [options]
 * @returns {{locale: string, t: (key: string, vars?: object) => string, has: (key: string) => boolean, scoped: (ns: string) => object}}
 */
export function createMessages(catalog, locale = "en", scope, options = {}) {
  const {fallback, onMissing} = options;
  const rules = new Intl.PluralRules(locale);
  const fallbackRules = new Intl.PluralRules("en");
  const candidates = (key) => (scope ? [`${scope}.${key}`, key] : [key]);
  const find = (key) => {
    for (const name of candidates(key)) {
      const node = lookup(catalog, name);
      if (node !== undefined) return {node, rules};
    }
    if (!fallback) return undefined;
    for (const name of candidates(key)) {
      const node = lookup(fallback, name);
      if (node !== undefined) {
        onMissing?.(name, locale);
        return {node, rules: fallbackRules};
      }
    }
    return undefined;
  };
  const scopes = new Map();
  return {
    locale,
    catalog,
    has: (key) => find(key) !== undefined,
    /** The message with {name} placeholders replaced; the key itself when missing everywhere. */
    t(key, vars) {
      const found = find(key);
      if (found === undefined) {
        onMissing?.(key, locale);
        return key;
      }
      const {node} = found;
      if (typeof node === "string") return fill(node, vars);
      const category = vars && typeof vars.count === "number" ? found.rules.select(vars.count) : "other";
      return fill(node[category] ?? node.other, vars);
    },
    scoped(ns) {
      if (!scopes.has(ns)) scopes.set(ns, createMessages(catalog, locale, ns, options));
      return scopes.get(ns);
    },
  };
}
