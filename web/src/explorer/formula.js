// The formula and derivative of the focused activation, typeset by KaTeX (bundled)
// as MathML: no inline styles and no font files, so it passes a strict CSP.

import katex from "katex";
import {el} from "./dom.js";

/** Returns {element, update(entry)}. */
export function createFormula({t}) {
  // role="group" lets the label name the formula; tabindex lets keyboards scroll a long one.
  const value = el("div", {class: "ex-math", attrs: {role: "group", tabindex: "0", "aria-label": t("explorer.formula.value")}});
  const derivative = el("div", {class: "ex-math", attrs: {role: "group", tabindex: "0", "aria-label": t("explorer.formula.derivative")}});
  const element = el("section", {class: "ex-card ex-formula"}, [
    el("h3", {class: "ex-heading", text: t("explorer.formula.heading")}),
    value,
    derivative,
  ]);
  let shown = null;
  return {
    element,
    update(entry) {
      if (shown === entry.name) return;
      shown = entry.name;
      render(value, withLhs(entry.formula, "f(x)"));
      render(derivative, withLhs(entry.derivativeFormula, "f'(x)"));
    },
  };
}

/** Prefixes "f(x) =" unless the catalog's LaTeX already has a left-hand side ("σ(x) = …"). */
function withLhs(tex, lhs) {
  const source = (tex ?? "").trim();
  const head = source.split(/\\begin|&/)[0];
  return head.includes("=") ? source : `${lhs} = ${source}`;
}

function render(target, tex) {
  try {
    katex.render(tex, target, {output: "mathml", displayMode: true, throwOnError: false, strict: "ignore"});
  } catch (error) {
    target.textContent = tex;
  }
}
