// The hidden-space view (after ConvNetJS's 2-D demo): two units of one hidden layer as
// axes; the data points and a grid of input lines drawn where the network maps them.
import {fitCanvas, h, labelledSelect, syncSelect} from "../ui/dom.js";
import {CLASS_COLORS, CLASS_SHAPES, INK, NEUTRAL, diverging, rgb} from "../ui/palette.js";
import {marker} from "./boundary.js";

const views = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{hidden: number[], layer: number, u: number, v: number, space: object | null,
 *   points: {label, isTest} | null, classes: number, regression: boolean, showTest: boolean, targetScale: number}} data
 * @param {{t: Function, onChange: (partial: {hsLayer?, hsU?, hsV?}) => void}} options
 */
export function draw(target, data, options) {
  let view = views.get(target);
  if (!view) {
    view = create(target, options);
    views.set(target, view);
  }
  view.options = options;
  view.data = data;
  const {t} = options;
  const layers = data.hidden.length;
  view.root.classList.toggle("is-empty", layers === 0);
  if (layers === 0) return;
  syncSelect(view.layer, data.hidden.map((_, i) => ({value: i, label: t("classifier.layerN", {n: i + 1})})), data.layer);
  const units = Array.from({length: data.hidden[data.layer] ?? 0}, (_, i) => ({value: i, label: t("classifier.unitN", {n: i + 1})}));
  syncSelect(view.u, units, data.u);
  syncSelect(view.v, units, data.v);
  render(view);
}

function create(target, options) {
  const {t} = options;
  const layer = labelledSelect(t("classifier.hsLayer"), []);
  const u = labelledSelect(t("classifier.hsHorizontal"), []);
  const v = labelledSelect(t("classifier.hsVertical"), []);
  const canvas = h("canvas", {class: "space-canvas", role: "img", "aria-label": t("classifier.hsTitle")});
  const view = {layer: layer.select, u: u.select, v: v.select, canvas, options, data: null};
  layer.select.addEventListener("change", () => view.options.onChange({hsLayer: Number(layer.select.value), hsU: 0, hsV: 1}));
  u.select.addEventListener("change", () => view.options.onChange({hsU: Number(u.select.value)}));
  v.select.addEventListener("change", () => view.options.onChange({hsV: Number(v.select.value)}));
  view.root = h("div", {class: "hidden-space"}, [
    h("div", {class: "field-row"}, [layer.root, u.root, v.root]),
    canvas,
    h("p", {class: "hint empty-hint", text: t("classifier.hsNoLayers")}),
  ]);
  target.replaceChildren(view.root);
  new ResizeObserver(() => render(view)).observe(canvas);
  return view;
}

function render(view) {
  const {canvas, data} = view;
  if (!data || !data.space) return;
  const {width, height, ratio} = fitCanvas(canvas);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = rgb(NEUTRAL);
  ctx.fillRect(0, 0, width, height);
  const {points, lines, lineCount, lineSamples} = data.space;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  const grow = (array) => {
    for (let i = 0; i < array.length; i += 2) {
      const x = array[i];
      const y = array[i + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  };
  grow(points);
  grow(lines);
  if (!Number.isFinite(xMin)) return;
  const padX = Math.max(1e-6, (xMax - xMin) * 0.06);
  const padY = Math.max(1e-6, (yMax - yMin) * 0.06);
  xMin -= padX;
  xMax += padX;
  yMin -= padY;
  yMax += padY;
  const px = (x) => ((x - xMin) / (xMax - xMin)) * width;
  const py = (y) => ((yMax - y) / (yMax - yMin)) * height;

  // The warped grid: the first half of the lines are x = const (vertical before warping).
  for (let line = 0; line < lineCount; line++) {
    ctx.strokeStyle = line < lineCount / 2 ? rgb(INK, 0.22) : rgb(INK, 0.12);
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let s = 0; s < lineSamples; s++) {
      const k = 2 * (line * lineSamples + s);
      const x = px(lines[k]);
      const y = py(lines[k + 1]);
      if (s === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }

  const {label, isTest} = data.points ?? {label: [], isTest: []};
  const radius = Math.max(2.4, Math.min(4.5, width / 110));
  const groups = new Map();
  for (let i = 0; i < points.length / 2; i++) {
    if (isTest[i] && !data.showTest) continue;
    const x = px(points[2 * i]);
    const y = py(points[2 * i + 1]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (data.regression) {
      const path = new Path2D();
      marker(path, "circle", x, y, radius);
      ctx.fillStyle = rgb(diverging(label[i] / (data.targetScale || 1), 1));
      ctx.fill(path);
      continue;
    }
    const key = label[i];
    if (!groups.has(key)) groups.set(key, new Path2D());
    marker(groups.get(key), CLASS_SHAPES[key % CLASS_SHAPES.length], x, y, radius);
  }
  for (const [c, path] of groups) {
    ctx.fillStyle = rgb(CLASS_COLORS[c % CLASS_COLORS.length]);
    ctx.fill(path);
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.stroke(path);
  }
}
