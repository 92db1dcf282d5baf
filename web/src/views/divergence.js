// The warning shown when training diverged, with a one-click way out.
import {h, setText} from "../ui/dom.js";

const warnings = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{diverged: boolean, unstable: boolean, learningRate: number, suggested: number}} data
 * @param {{t: Function, onFix: Function}} options
 */
export function draw(target, data, options) {
  let view = warnings.get(target);
  if (!view) {
    const {t} = options;
    view = {message: h("p", {class: "warning-text"}), button: h("button", {type: "button", class: "button button--primary"}), options};
    view.button.addEventListener("click", () => view.options.onFix());
    view.title = h("strong", {class: "warning-title"});
    const box = h("div", {class: "warning", role: "alert", "data-testid": "diverged-warning"}, [
      view.title,
      view.message,
      view.button,
    ]);
    target.replaceChildren(box);
    warnings.set(target, view);
  }
  view.options = options;
  const shown = data.diverged || data.unstable;
  if (target.hidden !== !shown) target.hidden = !shown;
  if (shown) {
    const kind = data.diverged ? "diverged" : "unstable";
    setText(view.title, options.t(`classifier.${kind}Title`));
    setText(view.message, options.t(`classifier.${kind}Text`, {lr: data.learningRate}));
    setText(view.button, options.t("classifier.divergedFix", {lr: data.suggested}));
  }
}
