// Which language the page speaks. Two: "en" and "zh" (Simplified Chinese, message folder zh-CN).
// Pure, so node tests call it with any list of browser languages.

/** The message folder (web/messages/<locale>/) and the BCP 47 tag of each language. */
export const LOCALE_OF_LANG = Object.freeze({en: "en", zh: "zh-CN"});
/** The values of the `lang` state key, in the order the header's switch shows them. */
export const LANGS = Object.keys(LOCALE_OF_LANG);

/**
 * The language for a BCP 47 tag: every Chinese tag (zh, zh-CN, zh-SG, zh-Hans, and zh-TW, zh-HK,
 * zh-Hant, whose readers read Simplified Chinese far better than English) is "zh"; English is
 * "en"; anything else null (not offered).
 */
export function langOfTag(tag) {
  const primary = String(tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "zh") return "zh";
  if (primary === "en") return "en";
  return null;
}

/** The first offered language among the browser's preferences (navigator.languages), else English. */
export function pickLang(tags) {
  for (const tag of tags ?? []) {
    const lang = langOfTag(tag);
    if (lang) return lang;
  }
  return "en";
}

/** The browser's choice, where there is a browser. */
export function browserLang() {
  if (typeof navigator === "undefined") return "en";
  return pickLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
}
