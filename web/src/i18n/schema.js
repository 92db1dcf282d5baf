// The page's language as a URL state key: lang=en|zh. Written in every link (a link opens in the
// language it was made in); a link without it (every link made before it existed, v=1 too) opens
// in the browser's language.
import {LANGS} from "./locale.js";

export const i18nSchema = [{key: "lang", type: "enum", values: LANGS, default: "en"}];

/** Whether a hash ("v=1&lang=zh…", with or without "#") chooses the language itself. */
export function hashSetsLang(hash) {
  return /(?:^|[#&])lang=/.test(typeof hash === "string" ? hash : "");
}
