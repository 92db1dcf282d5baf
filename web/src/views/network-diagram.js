// The network diagram: one column per layer, a live thumbnail per unit (from neuronGrids),
// links whose width and colour follow the weights. Column heads carry the builder
// controls (neurons per layer, activation per layer); the input column toggles features.
import {fitCanvas, h, s, setClass} from "../ui/dom.js";
import {CLASS_COLORS, INK, divergingLut, lutIndex, rgb} from "../ui/palette.js";
import {draw as drawPicker} from "./activation-picker.js";
import {DOMAIN} from "../ui/domain.js";
import {svgIcon} from "../ui/icons.js";
import {formatSignificant} from "../i18n/format.js";

const diagrams = new WeakMap();
/** Ever smaller columns and units (classes in classifier.css), tried in turn until the network fits its panel. */
const FIT_LEVELS = ["", "fit-1", "fit-2", "fit-3"];
/** Above this many links only the strongest are drawn (and can be clicked), to keep frames cheap. */
const MAX_DRAWN_LINKS = 1500;

/**
 * @param {HTMLElement} target
 * @param {object} data
 *   features: string[] all feature names; enabled: string[]; featureLabels: {name: text}
 *   hidden: number[]; acts: string[] (tokens); catalog; outputs: number
 *   units: {values, layers, indices, count, size} | null (from the worker frame)
 *   weights: [{inputs, outputs, weights, biases}] | null; selected: {layer, index} | null
 *   maxNeurons, maxLayers
 * @param {object} options  t, onToggleFeature(name), onLayers(delta), onNeurons(layer, delta),
 *   onActivation(layer, token), onFocus({layer, index} | null), onSelectUnit({layer, index}), onSelectLink({layer, to, from})
 */
export function draw(target, data, options) {
  let diagram = diagrams.get(target);
  const structure = JSON.stringify([data.features, data.enabled, data.hidden, data.outputs, data.acts, data.catalog.length]);
  if (!diagram) {
    diagram = create(target);
    diagrams.set(target, diagram);
  }
  diagram.options = options;
  diagram.data = data;
  let dirty = false;
  if (diagram.structure !== structure) {
    diagram.structure = structure;
    build(diagram, data, options);
    diagram.lastUnits = null;
    dirty = true;
  }
  if (data.units && data.units !== diagram.lastUnits) {
    paintUnits(diagram, data.units);
    diagram.lastUnits = data.units;
    dirty = true;
  }
  if (data.weights && data.weights !== diagram.weights) {
    diagram.weights = data.weights;
    dirty = true;
  }
  if (dirty) paintLinks(diagram, diagram.weights);
  for (const unit of diagram.units.values()) {
    setClass(unit.button, "is-selected", data.selected && data.selected.layer === unit.layer && data.selected.index === unit.index);
  }
}

function create(target) {
  const head = h("div", {class: "net-layers"});
  const columns = h("div", {class: "net-columns"});
  const canvas = h("canvas", {class: "net-links", "aria-hidden": "true"});
  // The hovered link's weight, beside the pointer (a click opens it in the editor).
  const linkTip = h("div", {class: "net-link-tip", role: "tooltip", "data-testid": "link-tip", hidden: true});
  const body = h("div", {class: "net-body"}, [canvas, columns, linkTip]);
  const scroller = h("div", {class: "net-scroll"}, [body]);
  // Shown only where even the smallest columns do not fit (see fit).
  const scrollHint = h("p", {class: "hint net-scroll-hint", hidden: true});
  target.replaceChildren(head, scroller, scrollHint);
  const diagram = {target, head, columns, canvas, body, scroller, scrollHint, linkTip, units: new Map(), links: [], spans: [], hovered: null, weights: null, structure: "", options: null, data: null, width: 0};
  new ResizeObserver(() => {
    layoutLinks(diagram);
    paintLinks(diagram, diagram.weights);
  }).observe(body);
  // The scroller's width does not depend on its content, so fitting cannot loop.
  new ResizeObserver(() => {
    if (scroller.clientWidth !== diagram.width) fit(diagram);
  }).observe(scroller);
  let pendingMove = null;
  canvas.addEventListener("pointermove", (event) => {
    if (pendingMove === null) {
      requestAnimationFrame(() => {
        const link = linkAt(diagram, pendingMove);
        showLinkTip(diagram, link, pendingMove);
        pendingMove = null;
        if (link !== diagram.hovered) {
          diagram.hovered = link;
          canvas.classList.toggle("is-over-link", Boolean(link));
          paintLinks(diagram, diagram.weights);
        }
      });
    }
    pendingMove = {clientX: event.clientX, clientY: event.clientY};
  });
  canvas.addEventListener("pointerleave", () => {
    diagram.hovered = null;
    showLinkTip(diagram, null);
    canvas.classList.remove("is-over-link");
    paintLinks(diagram, diagram.weights);
  });
  canvas.addEventListener("click", (event) => {
    const link = linkAt(diagram, event);
    if (link) diagram.options.onSelectLink({layer: link.layer, to: link.to, from: link.from});
  });
  return diagram;
}

/** Shows the weight of `link` near the pointer, or hides the tip. Positioned through custom properties (no style attribute). */
function showLinkTip(diagram, link, pointer) {
  const {linkTip: tip, options, data} = diagram;
  const layer = link && diagram.weights?.[link.layer];
  if (!layer || !pointer) {
    if (!tip.hidden) tip.hidden = true;
    return;
  }
  const {t} = options;
  const lastLayer = data.hidden.length;
  const from = link.layer === 0 ? data.featureLabels[data.enabled[link.from]] : t("classifier.unitLabel", {layer: link.layer, index: link.from + 1});
  const to = link.layer === lastLayer ? t("classifier.outputUnitLabel", {index: link.to + 1}) : t("classifier.unitLabel", {layer: link.layer + 1, index: link.to + 1});
  const weight = layer.weights[link.to * layer.inputs + link.from];
  tip.textContent = t("classifier.linkTip", {from, to, weight: formatSignificant(weight, 3)});
  const box = diagram.body.getBoundingClientRect();
  tip.style.setProperty("--tip-x", `${Math.round(pointer.clientX - box.left)}px`);
  tip.style.setProperty("--tip-y", `${Math.round(pointer.clientY - box.top)}px`);
  tip.classList.toggle("is-left", pointer.clientX - box.left > box.width / 2);
  tip.hidden = false;
}

function unitKey(layer, index) {
  return `${layer}:${index}`;
}

function build(diagram, data, options) {
  const {t} = options;
  const layers = data.hidden.length;
  diagram.head.replaceChildren(
    h("div", {class: "net-layers-buttons"}, [
      iconButton("minus", t("classifier.removeLayer"), () => diagram.options.onLayers(-1), layers === 0),
      iconButton("plus", t("classifier.addLayer"), () => diagram.options.onLayers(1), layers >= data.maxLayers),
    ]),
    h("span", {class: "net-layers-count", text: t("classifier.hiddenLayers", {count: layers})}),
  );

  diagram.units = new Map();
  const columns = [];
  // Inputs: every feature, enabled ones are live units (layer -1, index = position among enabled).
  const inputUnits = data.features.map((feature) => {
    const enabledIndex = data.enabled.indexOf(feature);
    const on = enabledIndex >= 0;
    const button = h("button", {
      type: "button",
      class: `unit unit--input${on ? "" : " is-off"}`,
      "aria-pressed": on ? "true" : "false",
      "data-feature": feature,
      title: t("classifier.toggleFeature", {feature: data.featureLabels[feature]}),
      onClick: () => diagram.options.onToggleFeature(feature),
    });
    const canvas = h("canvas", {class: "unit-map", width: 1, height: 1});
    button.append(canvas, h("span", {class: "unit-label", text: data.featureLabels[feature]}));
    paintFeature(canvas, feature);
    if (on) registerUnit(diagram, -1, enabledIndex, button, null);
    return button;
  });
  columns.push(column(t("classifier.features"), null, inputUnits, "input"));

  data.hidden.forEach((count, layer) => {
    const units = [];
    for (let index = 0; index < count; index++) {
      const canvas = document.createElement("canvas");
      const button = h("button", {
        type: "button",
        class: "unit",
        "aria-label": t("classifier.unitLabel", {layer: layer + 1, index: index + 1}),
        onClick: () => diagram.options.onSelectUnit({layer, index}),
      });
      registerUnit(diagram, layer, index, button, canvas);
      units.push(button);
    }
    const pickerBox = h("div", {class: "net-act"});
    drawPicker(pickerBox, {catalog: data.catalog, token: data.acts[layer], label: t("classifier.layerActivation", {layer: layer + 1})}, {
      t,
      compact: true,
      onChange: (token) => diagram.options.onActivation(layer, token),
    });
    const controls = h("div", {class: "net-col-controls"}, [
      h("div", {class: "net-neuron-buttons"}, [
        iconButton("minus", t("classifier.removeNeuron", {layer: layer + 1}), () => diagram.options.onNeurons(layer, -1), count <= 1),
        iconButton("plus", t("classifier.addNeuron", {layer: layer + 1}), () => diagram.options.onNeurons(layer, 1), count >= data.maxNeurons),
      ]),
      h("span", {class: "net-col-count", text: t("classifier.neurons", {count})}),
      // Narrow columns show the bare number (the full text is the buttons' and units' labels).
      h("span", {class: "net-col-count-short", "aria-hidden": "true", text: String(count)}),
      pickerBox,
    ]);
    columns.push(column(null, controls, units, "hidden"));
  });

  const outputUnits = [];
  for (let index = 0; index < data.outputs; index++) {
    const canvas = document.createElement("canvas");
    const button = h("button", {
      type: "button",
      class: "unit unit--output",
      "aria-label": t("classifier.outputUnitLabel", {index: index + 1}),
      onClick: () => diagram.options.onSelectUnit({layer: layers, index}),
    });
    if (data.outputs > 1) button.append(h("span", {class: `unit-class c-${index}`, "aria-hidden": "true"}));
    registerUnit(diagram, layers, index, button, canvas);
    outputUnits.push(button);
  }
  columns.push(column(t("classifier.output"), null, outputUnits, "output"));
  diagram.columns.replaceChildren(...columns);
  diagram.columns.classList.toggle("is-dense", Math.max(0, ...data.hidden) > 12);
  diagram.scrollHint.textContent = t("classifier.diagramScrollHint");
  fit(diagram);

  buildLinks(diagram, data);
  diagram.weights = null;
  layoutLinks(diagram);
}

/** The largest columns with which the whole network fits its panel; a visible cue where none does. */
function fit(diagram) {
  const {scroller, columns} = diagram;
  diagram.width = scroller.clientWidth;
  if (!diagram.width) return;
  for (const level of FIT_LEVELS) {
    for (const other of FIT_LEVELS) if (other) columns.classList.toggle(other, other === level);
    if (scroller.scrollWidth <= scroller.clientWidth) break;
  }
  const scrollable = scroller.scrollWidth > scroller.clientWidth;
  scroller.classList.toggle("is-scrollable", scrollable);
  if (diagram.scrollHint.hidden === scrollable) diagram.scrollHint.hidden = !scrollable;
}

function column(title, controls, units, kind) {
  return h("div", {class: `net-col net-col--${kind}`}, [
    h("div", {class: "net-col-head"}, [title ? h("span", {class: "net-col-title", text: title}) : null, controls]),
    h("div", {class: "net-units"}, units),
  ]);
}

/** canvas: the unit's offscreen thumbnail, drawn onto the diagram canvas (null for inputs, which draw their own). */
function registerUnit(diagram, layer, index, button, canvas) {
  const unit = {layer, index, button, canvas, rect: null, painted: false};
  diagram.units.set(unitKey(layer, index), unit);
  const focus = () => diagram.options.onFocus({layer, index});
  const blur = () => diagram.options.onFocus(null);
  button.addEventListener("pointerenter", focus);
  button.addEventListener("pointerleave", blur);
  button.addEventListener("focus", focus);
  button.addEventListener("blur", blur);
}

function iconButton(icon, label, onClick, disabled) {
  return h("button", {type: "button", class: `icon-button icon-${icon}`, "aria-label": label, title: label, disabled, onClick}, [
    svgIcon(icon),
  ]);
}

/** One link per weight: links[l] holds layer l's links in [to][from] order (l = 0: inputs -> first hidden layer). */
function buildLinks(diagram, data) {
  const sizes = [data.enabled.length, ...data.hidden, data.outputs];
  diagram.links = [];
  diagram.hovered = null;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const layerLinks = [];
    for (let to = 0; to < sizes[l + 1]; to++) {
      for (let from = 0; from < sizes[l]; from++) {
        layerLinks.push({layer: l, to, from, fromKey: unitKey(l - 1, from), toKey: unitKey(l, to), path: null});
      }
    }
    diagram.links.push(layerLinks);
  }
}

/** Each link as a cubic curve from the right edge of its source unit to the left edge of its target. */
function layoutLinks(diagram) {
  const box = diagram.body.getBoundingClientRect();
  if (box.width === 0) return;
  fitCanvas(diagram.canvas);
  const anchors = new Map();
  for (const [key, unit] of diagram.units) {
    const r = unit.button.getBoundingClientRect();
    anchors.set(key, {left: r.left - box.left, right: r.right - box.left, y: r.top - box.top + r.height / 2});
    unit.rect = {x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height};
  }
  diagram.spans = diagram.links.map(() => null);
  diagram.links.forEach((layerLinks, l) => {
    for (const link of layerLinks) {
      const a = anchors.get(link.fromKey);
      const b = anchors.get(link.toKey);
      if (a && b) {
        const span = diagram.spans[l] ?? {left: Infinity, right: -Infinity};
        diagram.spans[l] = {left: Math.min(span.left, a.right), right: Math.max(span.right, b.left)};
      }
      if (!a || !b) {
        link.path = null;
        continue;
      }
      const mid = (a.right + b.left) / 2;
      const path = new Path2D();
      path.moveTo(a.right, a.y);
      path.bezierCurveTo(mid, a.y, mid, b.y, b.left, b.y);
      link.path = path;
    }
  });
}

/** Draws every link: blue for positive weights, orange for negative; width and opacity grow with |w|. */
function paintLinks(diagram, weights) {
  const {canvas} = diagram;
  const ratio = canvas.width / Math.max(1, canvas.clientWidth);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (!weights) {
    paintThumbnails(diagram, ctx);
    return;
  }
  ctx.lineCap = "round";
  const positive = rgb(CLASS_COLORS[1]);
  const negative = rgb(CLASS_COLORS[0]);
  const threshold = strongestThreshold(diagram.links, weights);
  diagram.links.forEach((layerLinks, l) => {
    const layer = weights[l];
    if (!layer) return;
    layerLinks.forEach((link, i) => {
      const w = layer.weights[i];
      const a = Number.isFinite(w) ? Math.abs(w) : 0;
      link.drawn = Boolean(link.path) && a >= threshold;
      if (!link.drawn) return;
      ctx.strokeStyle = w >= 0 ? positive : negative;
      ctx.globalAlpha = Math.min(1, 0.25 + a * 0.6);
      ctx.lineWidth = Math.min(7, 0.5 + a * 1.8);
      ctx.stroke(link.path);
    });
  });
  const hovered = diagram.hovered;
  if (hovered?.path) {
    ctx.globalAlpha = 1;
    ctx.strokeStyle = rgb(INK);
    ctx.lineWidth = 2.5;
    ctx.stroke(hovered.path);
  }
  ctx.globalAlpha = 1;
  paintThumbnails(diagram, ctx);
}

/** Hidden and output units' maps, drawn under their (transparent) buttons: one canvas for the whole diagram. */
function paintThumbnails(diagram, ctx) {
  ctx.imageSmoothingEnabled = true;
  for (const unit of diagram.units.values()) {
    if (!unit.canvas || !unit.painted || !unit.rect) continue;
    const {x, y, width, height} = unit.rect;
    if (width < 32) {
      // Small units: a clip per unit costs more than it shows.
      ctx.drawImage(unit.canvas, x + 1, y + 1, width - 2, height - 2);
      continue;
    }
    ctx.save();
    ctx.beginPath();
    ctx.roundRect(x, y, width, height, 6);
    ctx.clip();
    ctx.drawImage(unit.canvas, x, y, width, height);
    ctx.restore();
  }
}

/** The smallest |w| among the MAX_DRAWN_LINKS strongest links (0 when every link is drawn). */
function strongestThreshold(links, weights) {
  const total = links.reduce((sum, layerLinks) => sum + layerLinks.length, 0);
  if (total <= MAX_DRAWN_LINKS) return 0;
  const magnitudes = new Float64Array(total);
  let k = 0;
  links.forEach((layerLinks, l) => {
    const values = weights[l]?.weights;
    for (let i = 0; i < layerLinks.length; i++) {
      const w = values ? values[i] : 0;
      magnitudes[k++] = Number.isFinite(w) ? Math.abs(w) : 0;
    }
  });
  magnitudes.sort();
  return magnitudes[total - MAX_DRAWN_LINKS];
}

/** The drawn link under the pointer (within a few pixels), or null; only the layer under x is searched. */
function linkAt(diagram, event) {
  const box = diagram.canvas.getBoundingClientRect();
  const x = event.clientX - box.left;
  const y = event.clientY - box.top;
  const ctx = diagram.canvas.getContext("2d");
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.lineWidth = 9;
  let found = null;
  for (let l = diagram.links.length - 1; l >= 0 && !found; l--) {
    const span = diagram.spans[l];
    if (!span || x < span.left - 6 || x > span.right + 6) continue;
    for (const link of diagram.links[l]) {
      if (link.path && link.drawn !== false && ctx.isPointInStroke(link.path, x, y)) {
        found = link;
        break;
      }
    }
  }
  ctx.restore();
  return found;
}

function paintUnits(diagram, units) {
  if (!units) return;
  const size = units.size;
  const cells = size * size;
  for (let u = 0; u < units.count; u++) {
    const unit = diagram.units.get(unitKey(units.layers[u], units.indices[u]));
    if (!unit?.canvas) continue;
    const grid = units.values.subarray(u * cells, (u + 1) * cells);
    paintGrid(unit.canvas, grid, size);
    unit.painted = true;
  }
}

const images = new WeakMap();

/** One thumbnail: values scaled by max(1, max |v|) on the diverging ramp. */
export function paintGrid(canvas, grid, size) {
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  let scale = 1;
  for (let i = 0; i < grid.length; i++) {
    const v = Math.abs(grid[i]);
    if (v > scale && Number.isFinite(v)) scale = v;
  }
  const ctx = canvas.getContext("2d");
  let image = images.get(canvas);
  if (!image || image.width !== size) {
    image = ctx.createImageData(size, size);
    images.set(canvas, image);
  }
  const lut = divergingLut(0.95);
  const pixels = image.data;
  for (let i = 0; i < size * size; i++) {
    const k = lutIndex(grid[i] / scale);
    pixels[4 * i] = lut[k];
    pixels[4 * i + 1] = lut[k + 1];
    pixels[4 * i + 2] = lut[k + 2];
    pixels[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

const FEATURE_FUNCTIONS = {
  x: (x) => x,
  y: (x, y) => y,
  x2: (x) => x * x,
  y2: (x, y) => y * y,
  xy: (x, y) => x * y,
  sinx: (x) => Math.sin(x),
  siny: (x, y) => Math.sin(y),
};

/** An input feature's map computed directly (it does not depend on the network). */
function paintFeature(canvas, feature, size = 24) {
  const f = FEATURE_FUNCTIONS[feature];
  const grid = new Float32Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      grid[r * size + c] = f(DOMAIN.xMin + ((DOMAIN.xMax - DOMAIN.xMin) * c) / (size - 1), DOMAIN.yMax - ((DOMAIN.yMax - DOMAIN.yMin) * r) / (size - 1));
    }
  }
  paintGrid(canvas, grid, size);
}
