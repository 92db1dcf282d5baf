// Details of the selected unit or link: its incoming weights (editable, as in TensorFlow
// Playground), its bias, and for hidden units the layer's activation with parameters.
import {h, setText, uid} from "../ui/dom.js";
import {draw as drawPicker} from "./activation-picker.js";

const inspectors = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{selection: {layer, index, from?} | null, weights: object[] | null, layers: number, sourceLabels: string[][],
 *   catalog, acts: string[]}} data   sourceLabels[l][j]: name of unit j feeding weight layer l
 * @param {{t: Function, onWeight: (layer, to, from, value) => void, onActivation: (layer, token) => void, onClose: Function}} options
 */
export function draw(target, data, options) {
  let view = inspectors.get(target);
  if (!view) {
    view = {key: "", inputs: [], bias: null, options};
    inspectors.set(target, view);
  }
  view.options = options;
  const {t} = options;
  const sel = data.selection;
  const layerWeights = sel && data.weights ? data.weights[sel.layer] : null;
  const key = sel && layerWeights ? JSON.stringify([sel, layerWeights.inputs, data.acts[sel.layer] ?? "", data.layers]) : "";
  if (key !== view.key) {
    view.key = key;
    if (target.hidden !== !key) target.hidden = !key;
    if (!key) {
      target.replaceChildren();
      return;
    }
    build(view, target, data, layerWeights);
  }
  if (!key) return;
  for (const {input, from} of view.inputs) {
    const w = layerWeights.weights[sel.index * layerWeights.inputs + from];
    if (document.activeElement !== input) input.value = formatWeight(w);
  }
  setText(view.bias, formatWeight(layerWeights.biases[sel.index]));
  if (view.pendingFocus) {
    view.pendingFocus.focus();
    view.pendingFocus.select?.();
    view.pendingFocus = null;
  }
}

function build(view, target, data, layerWeights) {
  const {t} = view.options;
  const sel = data.selection;
  const isOutput = sel.layer === data.layers;
  const title = isOutput ? t("classifier.outputUnitLabel", {index: sel.index + 1}) : t("classifier.unitLabel", {layer: sel.layer + 1, index: sel.index + 1});
  view.inputs = [];
  const rows = [];
  for (let from = 0; from < layerWeights.inputs; from++) {
    const id = uid("w");
    const input = h("input", {id, type: "number", step: "any", inputmode: "decimal", class: "weight-input"});
    input.addEventListener("change", () => {
      const value = Number(input.value);
      if (input.value.trim() !== "" && Number.isFinite(value)) {
        input.removeAttribute("aria-invalid");
        view.options.onWeight(sel.layer, sel.index, from, value);
      } else {
        input.setAttribute("aria-invalid", "true");
      }
    });
    if (sel.from === from) view.pendingFocus = input;
    view.inputs.push({input, from});
    rows.push(
      h("div", {class: `weight-row${sel.from === from ? " is-selected" : ""}`}, [
        h("label", {for: id, text: t("classifier.weightFrom", {source: data.sourceLabels[sel.layer]?.[from] ?? String(from + 1)})}),
        input,
      ]),
    );
  }
  view.bias = h("output", {class: "bias-value"});
  const picker = h("div", {class: "inspector-activation"});
  if (!isOutput) {
    drawPicker(picker, {catalog: data.catalog, token: data.acts[sel.layer], label: t("classifier.layerActivation", {layer: sel.layer + 1})}, {
      t,
      onChange: (token) => view.options.onActivation(sel.layer, token),
    });
  }
  target.replaceChildren(
    h("div", {class: "inspector-head"}, [
      h("h4", {text: title}),
      h("button", {type: "button", class: "button button--quiet", text: t("classifier.close"), onClick: () => view.options.onClose()}),
    ]),
    isOutput ? null : picker,
    h("p", {class: "hint", text: t("classifier.weightHint")}),
    h("div", {class: "weight-list"}, rows),
    h("div", {class: "weight-row"}, [h("span", {text: t("classifier.bias")}), view.bias]),
  );
}

function formatWeight(w) {
  return Number.isFinite(w) ? String(Number(w.toPrecision(4))) : "—";
}
