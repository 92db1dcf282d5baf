// Details of the selected unit or link: its incoming weights and its bias (editable, as in
// TensorFlow Playground), and for hidden units the layer's activation with parameters.
import {h, isFocused, replaceChildren, uid} from "../ui/dom.js";
import {formatRounded} from "../../lib/number-format.mjs";
import {draw as drawPicker} from "./activation-picker.js";

const inspectors = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{selection: {layer, index, from?} | null, weights: object[] | null, layers: number, sourceLabels: string[][],
 *   catalog, acts: string[]}} data   sourceLabels[l][j]: name of unit j feeding weight layer l
 * @param {{t: Function, onWeight: (layer, to, from, value) => void, onBias: (layer, to, value) => void,
 *   onActivation: (layer, token) => void, onClose: Function}} options
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
      delete target.dataset.unit;
      target.replaceChildren();
      return;
    }
    build(view, target, data, layerWeights);
    // Names the unit shown ("layer:index", the output layer being `layers`), so a caller or a
    // test can tell this inspector's fields from those of the unit shown before.
    target.dataset.unit = `${sel.layer}:${sel.index}`;
  }
  if (!key) return;
  for (const {input, from} of view.inputs) {
    const w = layerWeights.weights[sel.index * layerWeights.inputs + from];
    if (!isFocused(input)) input.value = formatWeight(w);
  }
  if (!isFocused(view.bias)) view.bias.value = formatWeight(layerWeights.biases[sel.index]);
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
  const sources = data.sourceLabels[sel.layer];
  for (let from = 0; from < layerWeights.inputs; from++) {
    const id = uid("w");
    const input = numberInput(id, "weight-input", (value) => view.options.onWeight(sel.layer, sel.index, from, value));
    if (sel.from === from) view.pendingFocus = input;
    view.inputs.push({input, from});
    rows.push(
      h("div", {class: `weight-row${sel.from === from ? " is-selected" : ""}`}, [
        h("label", {for: id, text: t("classifier.weightFrom", {source: sources?.[from] ?? String(from + 1)})}),
        input,
      ]),
    );
  }
  const biasId = uid("b");
  view.bias = numberInput(biasId, "weight-input bias-input", (value) => view.options.onBias(sel.layer, sel.index, value));
  const picker = h("div", {class: "inspector-activation"});
  if (!isOutput) {
    drawPicker(picker, {catalog: data.catalog, token: data.acts[sel.layer], label: t("classifier.layerActivation", {layer: sel.layer + 1})}, {
      t,
      check: view.options.checkActivation,
      onChange: (token) => view.options.onActivation(sel.layer, token),
    });
  }
  const parts = [
    h("div", {class: "inspector-head"}, [
      h("h4", {text: title}),
      h("button", {type: "button", class: "button button--quiet", text: t("classifier.close"), onClick: () => view.options.onClose()}),
    ]),
    // The output layer has no activation of its own to pick (the output setting decides it).
    isOutput ? null : picker,
    h("p", {class: "hint", text: t("classifier.weightHint")}),
    h("div", {class: "weight-list"}, rows),
    h("div", {class: "weight-list"}, [h("div", {class: "weight-row"}, [h("label", {for: biasId, text: t("classifier.bias")}), view.bias])]),
  ];
  replaceChildren(target, parts);
}

/** A number field that reports finite values on change and marks anything else invalid. */
function numberInput(id, className, onValue) {
  const input = h("input", {id, type: "number", step: "any", inputmode: "decimal", class: className});
  input.addEventListener("change", () => {
    const value = Number(input.value);
    if (input.value.trim() !== "" && Number.isFinite(value)) {
      input.removeAttribute("aria-invalid");
      onValue(value);
    } else {
      input.setAttribute("aria-invalid", "true");
    }
  });
  return input;
}

function formatWeight(w) {
  return Number.isFinite(w) ? formatRounded(w, 4) : "—";
}
