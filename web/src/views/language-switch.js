// The header's language switch: "English | 中文", each language named in itself (a reader who
// cannot read the current language still finds their own). Switching keeps every setting and a
// running training (the app re-renders its labels).
import {h} from "../ui/dom.js";
import {LANGS, LOCALE_OF_LANG} from "../i18n/locale.js";

/**
 * @param {{t: Function, current: () => string, onChoose: (lang: string) => void}} options
 * @returns {{element: HTMLElement, update(): void}}
 */
export function createLanguageSwitch({t, current, onChoose}) {
  const buttons = LANGS.map((lang) => {
    const button = h("button", {type: "button", class: "lang-option", lang: LOCALE_OF_LANG[lang], "data-lang": lang, text: t(`app.language.names.${lang}`)});
    button.addEventListener("click", () => onChoose(lang));
    return button;
  });
  const element = h("div", {class: "lang-switch", role: "group", "data-testid": "language-switch"}, buttons.flatMap((button, i) => (i ? [h("span", {class: "lang-separator", "aria-hidden": "true", text: "|"}), button] : [button])));
  const update = () => {
    element.setAttribute("aria-label", t("app.language.label"));
    for (const button of buttons) {
      const on = button.dataset.lang === current();
      button.setAttribute("aria-pressed", String(on));
      button.textContent = t(`app.language.names.${button.dataset.lang}`);
    }
  };
  update();
  return {element, update};
}
