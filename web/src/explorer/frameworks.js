// The matching one-line call in PyTorch, Keras and TensorFlow.js, each copyable.

import {el} from "./dom.js";

const kFrameworks = ["pytorch", "keras", "tfjs"];

/** Returns {element, update(entry)}. */
export function createFrameworks({t}) {
  const list = el("dl", {class: "ex-frameworks"});
  const status = el("p", {class: "ex-visually-hidden", attrs: {"aria-live": "polite"}});
  const element = el("section", {class: "ex-card"}, [
    el("h3", {class: "ex-heading", text: t("explorer.frameworks.heading")}),
    list,
    status,
  ]);
  let shown = null;

  const copy = async (code, button) => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(code.textContent);
      ok = true;
    } catch {
      // Without clipboard permission, select the text so Ctrl+C works.
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    const message = t(ok ? "explorer.frameworks.copied" : "explorer.frameworks.selected");
    status.textContent = message;
    button.textContent = message;
    setTimeout(() => {
      button.textContent = t("explorer.frameworks.copy");
    }, 1500);
  };

  return {
    element,
    update(entry) {
      if (shown === entry.name) return;
      shown = entry.name;
      list.replaceChildren(
        ...kFrameworks.flatMap((fw) => {
          const call = entry.frameworks?.[fw];
          const name = t(`explorer.frameworks.${fw}`);
          if (!call) {
            return [el("dt", {text: name}), el("dd", {class: "ex-muted", text: t("explorer.frameworks.missing")})];
          }
          const code = el("code", {class: "ex-code", text: call});
          const button = el("button", {
            class: "ex-button ex-button--small",
            text: t("explorer.frameworks.copy"),
            attrs: {type: "button", "aria-label": t("explorer.frameworks.copyLabel", {framework: name})},
          });
          button.addEventListener("click", () => copy(code, button));
          return [el("dt", {text: name}), el("dd", {class: "ex-code-row"}, [code, button])];
        }),
      );
    },
  };
}
