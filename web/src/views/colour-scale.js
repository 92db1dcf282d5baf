// The output plot's colour scale: the diverging ramp the plane is painted with, and what its
// ends mean (probability of the second class, the regression target, or a unit's output).
// A multi-class plane is coloured by its most likely class (the legend's colours): no ramp.
import {fitCanvas, h, setText} from "../ui/dom.js";
import {divergingLut, lutIndex} from "../ui/palette.js";
import {formatSignificant} from "../i18n/format.js";

const scales = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{mode: "binary" | "regression" | "unit" | "classes", targetScale?: number}} data
 * @param {{t: Function}} options
 */
export function draw(target, data, {t}) {
  let scale = scales.get(target);
  if (!scale) {
    scale = create(target);
    scales.set(target, scale);
  }
  target.hidden = data.mode === "classes";
  if (target.hidden) return;
  const s = data.targetScale || 1;
  const [low, mid, high] =
    data.mode === "binary" ? ["0", "0.5", "1"] : data.mode === "regression" ? [formatSignificant(-s, 3), "0", formatSignificant(s, 3)] : ["−", "0", "+"];
  setText(scale.title, t(`classifier.colourScale.${data.mode}`));
  setText(scale.low, low);
  setText(scale.mid, mid);
  setText(scale.high, high);
}

function create(target) {
  const bar = h("canvas", {class: "colour-scale-bar", "aria-hidden": "true"});
  const scale = {title: h("span", {class: "colour-scale-title"}), bar, low: h("span"), mid: h("span"), high: h("span")};
  target.replaceChildren(scale.title, bar, h("div", {class: "colour-scale-ticks"}, [scale.low, scale.mid, scale.high]));
  // The ramp never changes: painted when the bar gets (or changes) its size.
  new ResizeObserver(() => paint(bar)).observe(bar);
  return scale;
}

function paint(canvas) {
  const {width, height, ratio} = fitCanvas(canvas);
  if (!width) return;
  const ctx = canvas.getContext("2d");
  const lut = divergingLut(0.85);
  const columns = Math.round(width * ratio);
  for (let x = 0; x < columns; x++) {
    const i = lutIndex((2 * x) / Math.max(1, columns - 1) - 1);
    ctx.fillStyle = `rgb(${lut[i]},${lut[i + 1]},${lut[i + 2]})`;
    ctx.fillRect(x, 0, 1, Math.round(height * ratio));
  }
}
