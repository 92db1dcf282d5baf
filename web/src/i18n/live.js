// Messages that follow the app's current language: views keep one `t` for their lifetime and
// it always answers in the language of the moment (the app re-renders the labels on a switch).

/**
 * @param {() => {t, has, scoped, locale}} current the messages of the current language
 * @param {string} [scope]
 */
export function liveMessages(current, scope) {
  const pick = () => (scope ? current().scoped(scope) : current());
  return {
    get locale() {
      return current().locale;
    },
    t: (key, vars) => pick().t(key, vars),
    has: (key) => pick().has(key),
    scoped: (ns) => liveMessages(current, ns),
  };
}
