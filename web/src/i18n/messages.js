// UI text. Every string the page shows comes from web/messages/<locale>/*.json; a file's
// name is its namespace: "classifier.play" is key "play" of classifier.json.
// Pure: the catalog is passed in (load.js builds it with Vite).

/**
 * @param {Record<string, object>} catalog namespace -> nested messages
 * @param {string} locale
 * @param {string} [scope] namespace tried first for keys without one (given to a section)
 * @returns {{locale: string, t: (key: string, vars?: object) => string, has: (key: string) => boolean, scoped: (ns: string) => object}}
 */
export function createMessages(catalog, locale = "en", scope) {
  const lookup = (key) => {
    let node = catalog;
    for (const part of key.split(".")) {
      if (node === null || typeof node !== "object" || !(part in node)) return undefined;
      node = node[part];
    }
    return typeof node === "string" ? node : undefined;
  };
  const find = (key) => (scope ? lookup(`${scope}.${key}`) : undefined) ?? lookup(key);
  return {
    locale,
    catalog,
    has: (key) => find(key) !== undefined,
    /** The message with {name} placeholders replaced; the key itself when missing. */
    t(key, vars) {
      const text = find(key);
      if (text === undefined) return key;
      return vars ? text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole)) : text;
    },
    scoped: (ns) => createMessages(catalog, locale, ns),
  };
}
