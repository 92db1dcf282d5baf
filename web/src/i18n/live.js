// Messages that follow the app's current language: views keep one `t` for their lifetime and
// it always answers in the language of the moment (the app re-renders the labels on a switch).

/**
 * @param {() => {t, has, scoped, locale}} current the messages of the current language
 * @param {string} [scope]
 * @param {(namespace: string) => Promise<void>} [ensure] loads a lazy namespace (i18n/load.js)
 *   of the current language; the app loads it for every language it switches to from then on
 */
export function liveMessages(current, scope, ensure = () => Promise.resolve()) {
  const pick = () => (scope ? current().scoped(scope) : current());
  return {
    get locale() {
      return current().locale;
    },
    t: (key, vars) => pick().t(key, vars),
    has: (key) => pick().has(key),
    scoped: (ns) => liveMessages(current, ns, ensure),
    /** Resolves once the texts of `namespace` ("guide", "lessons") are there, in this language and every later one. */
    ensure,
  };
}
