// Data settings: classes, points, noise, train fraction, seed and regenerate, and the
// class that a click on the plot adds.
import {h, isFocused, labelledSelect, numberChoices, replaceIfChanged, setText, syncSelect, uid} from "../ui/dom.js";
import {CLASS_SHAPES} from "../ui/palette.js";
import {svgIcon} from "../ui/icons.js";
import {formatPercent} from "../i18n/format.js";

const panels = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{classes: number, multiclass: boolean, regression: boolean, points: number, pointChoices: number[],
 *   noise: number, train: number, seed: number, addClass: number, added: number}} data
 * @param {{t: Function, onChange: (partial: object) => void, onRegenerate: Function, onClearAdded: Function}} options
 */
export function draw(target, data, options) {
  let panel = panels.get(target);
  if (!panel) {
    panel = create(target, options);
    panels.set(target, panel);
  }
  panel.options = options;
  const {t} = options;
  syncSelect(panel.classes, [2, 3, 4, 5].map((k) => ({value: k, label: String(k)})), data.multiclass ? data.classes : 2);
  if (panel.classes.disabled !== !data.multiclass) panel.classes.disabled = !data.multiclass;
  // A disabled control says why (under it, and to screen readers through aria-describedby).
  const reason = data.multiclass ? "" : options.t(data.regression ? "classifier.classesRegression" : "classifier.classesTwo");
  if (panel.classesReason.textContent !== reason) panel.classesReason.textContent = reason;
  if (panel.classesReason.hidden !== !reason) panel.classesReason.hidden = !reason;
  syncSelect(panel.points, numberChoices(data.pointChoices, data.points), data.points);
  setRange(panel.noise, Math.round(data.noise * 100));
  setText(panel.noiseOut, formatPercent(Math.round(data.noise * 100) / 100));
  setRange(panel.train, Math.round(data.train * 100));
  setText(panel.trainOut, formatPercent(Math.round(data.train * 100) / 100));
  if (!isFocused(panel.seed) && panel.seed.value !== String(data.seed)) panel.seed.value = String(data.seed);

  const classCount = data.regression ? 2 : data.multiclass ? data.classes : 2;
  const wanted = JSON.stringify([classCount, data.regression, Math.min(data.addClass, classCount - 1)]);
  replaceIfChanged(panel.addButtons, wanted, () =>
    Array.from({length: classCount}, (_, c) => {
      const label = data.regression ? t(c === 0 ? "classifier.targetNegative" : "classifier.targetPositive") : t("classifier.classN", {n: c + 1});
      const pressed = c === Math.min(data.addClass, classCount - 1);
      return h(
        "button",
        {type: "button", class: `class-chip${pressed ? " is-selected" : ""}`, "aria-pressed": pressed ? "true" : "false", onClick: () => panel.options.onChange({addClass: c})},
        [h("span", {class: `shape shape--${data.regression ? "circle" : CLASS_SHAPES[c]} c-${data.regression ? (c === 0 ? 0 : 1) : c}`, "aria-hidden": "true"}), label],
      );
    }),
  );
  setText(panel.clear, t("classifier.clearAdded", {count: data.added}));
  if (panel.clear.disabled !== (data.added === 0)) panel.clear.disabled = data.added === 0;
}

function setRange(input, value) {
  if (!isFocused(input) && input.value !== String(value)) input.value = String(value);
}

function create(target, options) {
  const {t} = options;
  const panel = {options};
  const classes = labelledSelect(t("classifier.classes"), []);
  classes.select.addEventListener("change", () => panel.options.onChange({classes: Number(classes.select.value)}));
  panel.classes = classes.select;
  panel.classesReason = h("p", {class: "hint field-reason", id: uid("reason"), hidden: true});
  classes.select.setAttribute("aria-describedby", panel.classesReason.id);
  const points = labelledSelect(t("classifier.points"), []);
  points.select.addEventListener("change", () => panel.options.onChange({points: Number(points.select.value)}));
  panel.points = points.select;

  const slider = (label, min, max, step, onValue) => {
    const id = uid("range");
    const input = h("input", {id, type: "range", min, max, step});
    const out = h("output", {for: id, class: "range-value"});
    input.addEventListener("input", () => setText(out, formatPercent(Number(input.value) / 100)));
    input.addEventListener("change", () => onValue(Number(input.value)));
    return {root: h("div", {class: "field field--range"}, [h("label", {for: id, text: label}), input, out]), input, out};
  };
  const noise = slider(t("classifier.noise"), 0, 50, 5, (v) => panel.options.onChange({noise: v / 100}));
  const train = slider(t("classifier.trainFraction"), 10, 90, 10, (v) => panel.options.onChange({train: v / 100}));
  Object.assign(panel, {noise: noise.input, noiseOut: noise.out, train: train.input, trainOut: train.out});

  const seedId = uid("seed");
  panel.seed = h("input", {id: seedId, type: "number", min: 0, max: 4294967295, step: 1, inputmode: "numeric", class: "seed-input"});
  panel.seed.addEventListener("change", () => {
    const value = Number(panel.seed.value);
    if (Number.isInteger(value) && value >= 0 && value <= 4294967295) panel.options.onChange({seed: value});
  });
  const regenerate = h("button", {type: "button", class: "button", onClick: () => panel.options.onRegenerate()}, [svgIcon("refresh"), t("classifier.regenerate")]);
  panel.addButtons = h("div", {class: "class-chips", role: "group", "aria-label": t("classifier.addClassLabel")});
  panel.clear = h("button", {type: "button", class: "button button--quiet", onClick: () => panel.options.onClearAdded()});

  target.replaceChildren(
    h("div", {class: "field-row"}, [classes.root, points.root]),
    panel.classesReason,
    noise.root,
    train.root,
    h("div", {class: "field-row field-row--end"}, [h("div", {class: "field"}, [h("label", {for: seedId, text: t("classifier.seed")}), panel.seed]), regenerate]),
    h("div", {class: "add-points"}, [h("p", {class: "hint", text: t("classifier.addHint")}), panel.addButtons, panel.clear]),
  );
  return panel;
}
