// One button per dataset with a thumbnail of its points.
import {h, setAttr, setClass} from "../ui/dom.js";
import {CLASS_COLORS, diverging, rgb} from "../ui/palette.js";
import {DOMAIN} from "../ui/domain.js";

const pickers = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{datasets: string[], selected: string, thumbnails: Map<string, {x, y, label}> | null, regression: string[]}} data
 * @param {{t: Function, onSelect: (dataset: string) => void}} options
 */
export function draw(target, data, options) {
  let picker = pickers.get(target);
  if (!picker) {
    picker = create(target, data, options);
    pickers.set(target, picker);
  }
  picker.options = options;
  for (const [name, entry] of picker.buttons) {
    setClass(entry.button, "is-selected", name === data.selected);
    setAttr(entry.button, "aria-pressed", name === data.selected ? "true" : "false");
    const points = data.thumbnails?.get(name);
    if (points && entry.points !== points) {
      entry.points = points;
      paint(entry.canvas, points, data.regression.includes(name));
      entry.canvas.dataset.painted = "true";
    }
  }
}

function create(target, data, options) {
  const {t} = options;
  const picker = {buttons: new Map(), options};
  const list = h("div", {class: "dataset-list", "data-testid": "dataset", role: "group", "aria-label": t("classifier.dataset")});
  for (const name of data.datasets) {
    const canvas = h("canvas", {class: "dataset-thumb", width: 64, height: 64, "aria-hidden": "true"});
    const button = h("button", {type: "button", class: "dataset-button", "data-value": name, title: t(`classifier.datasets.${name}`), "aria-label": t(`classifier.datasets.${name}`)}, [
      canvas,
      h("span", {class: "dataset-name", text: t(`classifier.datasetsShort.${name}`)}),
    ]);
    button.addEventListener("click", () => picker.options.onSelect(name));
    picker.buttons.set(name, {button, canvas, points: null});
    list.append(button);
  }
  target.replaceChildren(list);
  return picker;
}

function paint(canvas, {x, y, label}, regression) {
  const size = canvas.width;
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fafaf8";
  ctx.fillRect(0, 0, size, size);
  let scale = 1e-9;
  if (regression) for (const v of label) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < x.length; i++) {
    const px = ((x[i] - DOMAIN.xMin) / (DOMAIN.xMax - DOMAIN.xMin)) * size;
    const py = ((DOMAIN.yMax - y[i]) / (DOMAIN.yMax - DOMAIN.yMin)) * size;
    ctx.fillStyle = regression ? rgb(diverging(label[i] / scale, 1)) : rgb(CLASS_COLORS[label[i] % CLASS_COLORS.length]);
    ctx.fillRect(px - 1.3, py - 1.3, 2.6, 2.6);
  }
}
