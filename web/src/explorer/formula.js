// The formula and derivative of the focused activation, typeset by KaTeX (bundled, loaded
// when the card comes near the view: it is most of the explorer's script and the first
// screen does not show it) as MathML: no inline styles and no font files, so it passes a
// strict CSP. A long formula
// is broken into lines at its top-level "=" and "\quad" (so a definition such as GELU-tanh's
// u' gets a line of its own), and a line still wider than the card is set smaller, step by step.

import {el} from "./dom.js";
import {whenNear} from "./near-view.js";

let katexLoad = null;
const loadKatex = () => (katexLoad ??= import("katex").then((module) => module.default));

/** Font-size steps (classes in explorer.css) tried in turn until a line fits its card. */
const SCALE_CLASSES = ["", "is-scale-1", "is-scale-2", "is-scale-3", "is-scale-4"];

/** Returns {element, update(entry), destroy()}. */
export function createFormula({t}) {
  // role="group" lets the label name the formula; tabindex lets keyboards scroll one that still overflows.
  const value = el("div", {class: "ex-math", attrs: {role: "group", tabindex: "0", "aria-label": t("explorer.formula.value")}});
  const derivative = el("div", {class: "ex-math", attrs: {role: "group", tabindex: "0", "aria-label": t("explorer.formula.derivative")}});
  const element = el("section", {class: "ex-card ex-formula"}, [
    el("h3", {class: "ex-heading", text: t("explorer.formula.heading")}),
    value,
    derivative,
  ]);
  let shown = null;
  let width = 0;
  let katex = null;
  let entry = null;
  const typeset = () => {
    if (!katex || !entry || shown === entry.name) return;
    shown = entry.name;
    render(katex, value, withLhs(entry.formula, "f(x)"));
    render(katex, derivative, withLhs(entry.derivativeFormula, "f'(x)"));
    fitAll();
    // Which activation the card has typeset (it waits for KaTeX), for callers and tests.
    element.dataset.typeset = entry.name;
  };
  // Typesetting starts a screen ahead of the card; until then nothing is drawn in it.
  const stopWaiting = whenNear(element, () =>
    loadKatex().then((module) => {
      katex = module;
      typeset();
    }),
  );
  const fitAll = () => {
    width = element.clientWidth;
    if (width) for (const target of [value, derivative]) fitLines(target);
  };
  const resize = new ResizeObserver(() => {
    if (element.clientWidth !== width) fitAll();
  });
  resize.observe(element);
  return {
    element,
    update(next) {
      entry = next;
      typeset();
    },
    destroy() {
      stopWaiting();
      resize.disconnect();
    },
  };
}

/** Prefixes "f(x) =" unless the catalog's LaTeX already has a left-hand side ("σ(x) = …"). */
function withLhs(tex, lhs) {
  const source = (tex ?? "").trim();
  const head = source.split(/\\begin|&/)[0];
  return head.includes("=") ? source : `${lhs} = ${source}`;
}

/**
 * The formula's lines: split at top-level ", \quad" (a second definition), then a chain
 * "a = b = c" into "a = b" and "= c". Nothing inside braces, \left…\right or an environment is split.
 */
export function formulaLines(tex) {
  const definitions = splitTopLevel(tex, /^,?\s*\\quad\s*/).map((part) => part.replace(/,\s*$/, "").trim());
  const lines = [];
  for (const definition of definitions) {
    const pieces = splitTopLevel(definition, /^=/);
    if (pieces.length <= 2) {
      lines.push(definition);
      continue;
    }
    lines.push(`${pieces[0].trim()} = ${pieces[1].trim()}`);
    for (const piece of pieces.slice(2)) lines.push(`= ${piece.trim()}`);
  }
  return lines.filter(Boolean);
}

/** Splits `tex` where `separator` (anchored at the current position) matches at depth 0. */
function splitTopLevel(tex, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i += 1) {
    const rest = tex.slice(i);
    if (tex[i] === "\\" && /^\\(left|begin)\b/.test(rest)) depth += 1;
    else if (tex[i] === "\\" && /^\\(right|end)\b/.test(rest)) depth -= 1;
    else if (tex[i] === "\\") {
      i += 1;
      continue;
    } else if (tex[i] === "{") depth += 1;
    else if (tex[i] === "}") depth -= 1;
    if (depth !== 0) continue;
    const match = separator.exec(rest);
    if (match && i > start) {
      parts.push(tex.slice(start, i));
      start = i + match[0].length;
      i = start - 1;
    }
  }
  parts.push(tex.slice(start));
  return parts;
}

function render(katex, target, tex) {
  target.replaceChildren(
    ...formulaLines(tex).map((line) => {
      const node = el("div", {class: "ex-math-line"});
      try {
        katex.render(line, node, {output: "mathml", displayMode: true, throwOnError: false, strict: "ignore"});
      } catch {
        node.textContent = line;
      }
      return node;
    }),
  );
}

/** Each line at the largest size at which it fits its box (the smallest size scrolls if it must). */
function fitLines(target) {
  for (const line of target.children) {
    for (const scale of SCALE_CLASSES) {
      for (const other of SCALE_CLASSES) if (other) line.classList.toggle(other, other === scale);
      if (line.scrollWidth <= line.clientWidth) break;
    }
  }
}
