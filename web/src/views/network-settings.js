// Network-wide settings: one activation for every layer, output, initialiser and scale,
// bias initial value, standardisation, shuffling.
import {h, labelledSelect, numberChoices, syncSelect, uid} from "../ui/dom.js";
import {draw as drawPicker} from "./activation-picker.js";

const panels = new WeakMap();
const INIT_SCALES = [0.01, 0.1, 0.5, 1, 2, 5, 10, 100];
const BIAS_INITS = [-1, -0.1, 0, 0.01, 0.1, 1];

/**
 * @param {HTMLElement} target
 * @param {{catalog, allToken: string, mixed: boolean, outputs: string[], inits: string[], output, init, initScale, biasInit, std, shuffle}} data
 *   outputs, inits: the core's choices (classifier/schema.js)
 * @param {{t: Function, onChange: (partial: object) => void, onActivationAll: (token: string) => void}} options
 */
export function draw(target, data, options) {
  let panel = panels.get(target);
  if (!panel) {
    panel = create(target, options);
    panels.set(target, panel);
  }
  panel.options = options;
  const {t} = options;
  drawPicker(panel.all, {catalog: data.catalog, token: data.allToken, mixed: data.mixed, label: t("classifier.activationAll")}, {
    t,
    testid: "activation-all",
    check: options.checkActivation,
    onChange: (token) => panel.options.onActivationAll(token),
  });
  syncSelect(panel.output, data.outputs.map((v) => ({value: v, label: t(`classifier.outputs.${v}`)})), data.output);
  syncSelect(panel.init, data.inits.map((v) => ({value: v, label: t(`classifier.inits.${v}`)})), data.init);
  syncSelect(panel.initScale, numberChoices(INIT_SCALES, data.initScale, (v) => `×${v}`), data.initScale);
  syncSelect(panel.biasInit, numberChoices(BIAS_INITS, data.biasInit), data.biasInit);
  if (panel.std.checked !== data.std) panel.std.checked = data.std;
  if (panel.shuffle.checked !== data.shuffle) panel.shuffle.checked = data.shuffle;
}

function create(target, options) {
  const {t} = options;
  const panel = {options, all: h("div", {class: "activation-all"})};
  const select = (key, label, parse = (v) => v) => {
    const field = labelledSelect(label, []);
    field.select.addEventListener("change", () => panel.options.onChange({[key]: parse(field.select.value)}));
    panel[key] = field.select;
    return field.root;
  };
  const check = (key, label) => {
    const id = uid("check");
    const input = h("input", {type: "checkbox", id});
    input.addEventListener("change", () => panel.options.onChange({[key]: input.checked}));
    panel[key] = input;
    return h("div", {class: "field field--check"}, [input, h("label", {for: id, text: label})]);
  };
  target.replaceChildren(
    panel.all,
    h("div", {class: "field-grid"}, [
      select("output", t("classifier.outputLabel")),
      select("init", t("classifier.init")),
      select("initScale", t("classifier.initScale"), Number),
      select("biasInit", t("classifier.biasInit"), Number),
    ]),
    h("div", {class: "field-row"}, [check("std", t("classifier.standardize")), check("shuffle", t("classifier.shuffle"))]),
  );
  return panel;
}
