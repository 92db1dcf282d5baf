// The run bar: reset, play/pause, step, the epoch counter and the live hyperparameters.
import {h, labelledSelect, numberChoices, setAttr, setClass, setText, syncSelect} from "../ui/dom.js";
import {svgIcon} from "../ui/icons.js";

const bars = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{playing: boolean, epoch: number, ready: boolean, settings: object, choices: object}} data
 *   settings: {lr, opt, batch, reg, regRate, epf}; choices: {lr: number[], opt: string[], batch: number[], reg: string[], regRate: number[], epf: number[]}
 * @param {{t: Function, onPlay: Function, onStep: Function, onReset: Function, onChange: (partial: object) => void}} options
 */
export function draw(target, data, options) {
  let bar = bars.get(target);
  if (!bar) {
    bar = create(target, options);
    bars.set(target, bar);
  }
  bar.options = options;
  const {t} = options;
  setClass(bar.play, "is-playing", data.playing);
  setAttr(bar.play, "aria-label", t(data.playing ? "classifier.pause" : "classifier.play"));
  setAttr(bar.play, "title", t(data.playing ? "classifier.pause" : "classifier.play"));
  setAttr(bar.play, "aria-pressed", data.playing ? "true" : "false");
  for (const button of [bar.play, bar.step, bar.reset]) if (button.disabled !== !data.ready) button.disabled = !data.ready;
  setText(bar.epoch, String(data.epoch));

  syncSelect(bar.fields.lr, numberChoices(data.choices.lr, data.settings.lr), data.settings.lr);
  syncSelect(
    bar.fields.opt,
    data.choices.opt.map((value) => ({value, label: t(`classifier.optimizers.${value}`)})),
    data.settings.opt,
  );
  syncSelect(bar.fields.batch, numberChoices(data.choices.batch.filter((b) => b <= data.maxBatch), data.settings.batch), data.settings.batch);
  syncSelect(
    bar.fields.reg,
    data.choices.reg.map((value) => ({value, label: t(`classifier.regularizations.${value}`)})),
    data.settings.reg,
  );
  syncSelect(bar.fields.regRate, numberChoices(data.choices.regRate, data.settings.regRate), data.settings.regRate);
  if (bar.fields.regRate.disabled !== (data.settings.reg === "none")) bar.fields.regRate.disabled = data.settings.reg === "none";
  syncSelect(bar.fields.epf, numberChoices(data.choices.epf, data.settings.epf), data.settings.epf);
}

function create(target, options) {
  const {t} = options;
  const bar = {options, fields: {}};
  bar.reset = h("button", {type: "button", class: "run-button", "data-testid": "reset", "aria-label": t("classifier.reset"), title: t("classifier.reset")}, [svgIcon("reset")]);
  bar.play = h("button", {type: "button", class: "run-button run-button--play", "data-testid": "play"}, [svgIcon("play"), svgIcon("pause")]);
  bar.step = h("button", {type: "button", class: "run-button", "data-testid": "step", "aria-label": t("classifier.step"), title: t("classifier.step")}, [svgIcon("step")]);
  bar.reset.addEventListener("click", () => bar.options.onReset());
  bar.play.addEventListener("click", () => bar.options.onPlay());
  bar.step.addEventListener("click", () => bar.options.onStep());
  bar.epoch = h("output", {class: "epoch-value", "data-testid": "epoch", "aria-live": "off", text: "0"});
  const epochBox = h("div", {class: "epoch"}, [h("span", {class: "epoch-label", text: t("classifier.epoch")}), bar.epoch]);

  const field = (key, label, attrs = {}) => {
    const {root, select} = labelledSelect(label, [], attrs);
    select.addEventListener("change", () => {
      const raw = select.value;
      bar.options.onChange({[key]: ["opt", "reg"].includes(key) ? raw : Number(raw)});
    });
    bar.fields[key] = select;
    return root;
  };
  target.replaceChildren(
    h("div", {class: "run-buttons"}, [bar.reset, bar.play, bar.step]),
    epochBox,
    h("div", {class: "run-settings"}, [
      field("epf", t("classifier.epochsPerFrame")),
      field("lr", t("classifier.learningRate"), {"data-testid": "learning-rate"}),
      field("opt", t("classifier.optimizer")),
      field("batch", t("classifier.batchSize")),
      field("reg", t("classifier.regularization")),
      field("regRate", t("classifier.regularizationRate")),
    ]),
  );
  return bar;
}
