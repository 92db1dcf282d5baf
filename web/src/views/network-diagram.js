// The network diagram: one column per layer, a live thumbnail per unit (from neuronGrids),
// links whose width and colour follow the weights. Column heads carry the builder
// controls (neurons per layer, activation per layer); the input column toggles features.
import {h, s, setClass} from "../ui/dom.js";
import {CLASS_COLORS, diverging, rgb} from "../ui/palette.js";
import {draw as drawPicker} from "./activation-picker.js";

const diagrams = new WeakMap();

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
  if (diagram.structure !== structure) {
    diagram.structure = structure;
    build(diagram, data, options);
  }
  paintUnits(diagram, data.units);
  paintLinks(diagram, data.weights);
  for (const unit of diagram.units.values()) {
    setClass(unit.button, "is-selected", data.selected && data.selected.layer === unit.layer && data.selected.index === unit.index);
  }
}

function create(target) {
  const head = h("div", {class: "net-layers"});
  const columns = h("div", {class: "net-columns"});
  const svg = s("svg", {class: "net-links", "aria-hidden": "true"});
  const body = h("div", {class: "net-body"}, [svg, columns]);
  const scroller = h("div", {class: "net-scroll"}, [body]);
  target.replaceChildren(head, scroller);
  const diagram = {target, head, columns, svg, body, units: new Map(), links: [], structure: "", options: null, data: null};
  new ResizeObserver(() => layoutLinks(diagram)).observe(body);
  return diagram;
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
    if (on) registerUnit(diagram, -1, enabledIndex, button, canvas);
    return button;
  });
  columns.push(column(t("classifier.features"), null, inputUnits, "input"));

  data.hidden.forEach((count, layer) => {
    const units = [];
    for (let index = 0; index < count; index++) {
      const canvas = h("canvas", {class: "unit-map", width: 1, height: 1});
      const button = h(
        "button",
        {
          type: "button",
          class: "unit",
          "aria-label": t("classifier.unitLabel", {layer: layer + 1, index: index + 1}),
          onClick: () => diagram.options.onSelectUnit({layer, index}),
        },
        [canvas],
      );
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
      pickerBox,
    ]);
    columns.push(column(null, controls, units, "hidden"));
  });

  const outputUnits = [];
  for (let index = 0; index < data.outputs; index++) {
    const canvas = h("canvas", {class: "unit-map", width: 1, height: 1});
    const button = h(
      "button",
      {
        type: "button",
        class: "unit unit--output",
        "aria-label": t("classifier.outputUnitLabel", {index: index + 1}),
        onClick: () => diagram.options.onSelectUnit({layer: layers, index}),
      },
      [canvas],
    );
    if (data.outputs > 1) button.append(h("span", {class: `unit-class c-${index}`, "aria-hidden": "true"}));
    registerUnit(diagram, layers, index, button, canvas);
    outputUnits.push(button);
  }
  columns.push(column(t("classifier.output"), null, outputUnits, "output"));
  diagram.columns.replaceChildren(...columns);
  diagram.columns.classList.toggle("is-dense", Math.max(0, ...data.hidden) > 12);

  buildLinks(diagram, data);
  requestAnimationFrame(() => layoutLinks(diagram));
}

function column(title, controls, units, kind) {
  return h("div", {class: `net-col net-col--${kind}`}, [
    h("div", {class: "net-col-head"}, [title ? h("span", {class: "net-col-title", text: title}) : null, controls]),
    h("div", {class: "net-units"}, units),
  ]);
}

function registerUnit(diagram, layer, index, button, canvas) {
  const unit = {layer, index, button, canvas};
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

/** The few icons the page uses, as SVG paths (no icon font, no external file). */
export function svgIcon(name) {
  const paths = {
    plus: "M12 5v14M5 12h14",
    minus: "M5 12h14",
    play: "M8 5l11 7-11 7z",
    pause: "M8 5v14M16 5v14",
    step: "M6 5l9 7-9 7zM18 5v14",
    reset: "M4 12a8 8 0 1 0 2.3-5.6M4 4v5h5",
    refresh: "M20 12a8 8 0 1 1-2.3-5.6M20 4v5h-5",
    close: "M6 6l12 12M18 6L6 18",
  };
  return s("svg", {class: `icon icon--${name}`, viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false"}, [s("path", {d: paths[name]})]);
}

/** One link per weight: links[l] holds layer l's [to][from] paths (l = 0: inputs -> first hidden layer). */
function buildLinks(diagram, data) {
  const sizes = [data.enabled.length, ...data.hidden, data.outputs];
  const group = s("g");
  diagram.links = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const layerLinks = [];
    for (let to = 0; to < sizes[l + 1]; to++) {
      for (let from = 0; from < sizes[l]; from++) {
        const path = s("path", {class: "link", d: ""});
        const hit = s("path", {class: "link-hit", d: ""});
        hit.addEventListener("click", () => diagram.options.onSelectLink({layer: l, to, from}));
        hit.addEventListener("pointerenter", () => path.classList.add("is-hover"));
        hit.addEventListener("pointerleave", () => path.classList.remove("is-hover"));
        group.append(path, hit);
        layerLinks.push({path, hit, from: unitKey(l - 1, from), to: unitKey(l, to)});
      }
    }
    diagram.links.push(layerLinks);
  }
  diagram.svg.replaceChildren(group);
}

function layoutLinks(diagram) {
  const box = diagram.body.getBoundingClientRect();
  if (box.width === 0) return;
  diagram.svg.setAttribute("viewBox", `0 0 ${box.width} ${box.height}`);
  const anchors = new Map();
  for (const [key, unit] of diagram.units) {
    const r = unit.button.getBoundingClientRect();
    anchors.set(key, {left: r.left - box.left, right: r.right - box.left, y: r.top - box.top + r.height / 2});
  }
  for (const layerLinks of diagram.links) {
    for (const link of layerLinks) {
      const a = anchors.get(link.from);
      const b = anchors.get(link.to);
      if (!a || !b) continue;
      const mid = (a.right + b.left) / 2;
      const d = `M${a.right.toFixed(1)} ${a.y.toFixed(1)}C${mid.toFixed(1)} ${a.y.toFixed(1)} ${mid.toFixed(1)} ${b.y.toFixed(1)} ${b.left.toFixed(1)} ${b.y.toFixed(1)}`;
      link.path.setAttribute("d", d);
      link.hit.setAttribute("d", d);
    }
  }
}

function paintLinks(diagram, weights) {
  if (!weights) return;
  diagram.links.forEach((layerLinks, l) => {
    const layer = weights[l];
    if (!layer) return;
    layerLinks.forEach((link, i) => {
      const w = layer.weights[i];
      const a = Number.isFinite(w) ? Math.abs(w) : 0;
      const width = Math.min(7, 0.5 + a * 1.8).toFixed(2);
      const colour = rgb(w >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0]);
      const opacity = Math.min(1, 0.25 + a * 0.6).toFixed(2);
      if (link.width !== width) link.path.setAttribute("stroke-width", (link.width = width));
      if (link.colour !== colour) link.path.setAttribute("stroke", (link.colour = colour));
      if (link.opacity !== opacity) link.path.setAttribute("stroke-opacity", (link.opacity = opacity));
    });
  });
}

function paintUnits(diagram, units) {
  if (!units) return;
  const size = units.size;
  const cells = size * size;
  for (let u = 0; u < units.count; u++) {
    const unit = diagram.units.get(unitKey(units.layers[u], units.indices[u]));
    if (!unit) continue;
    const grid = units.values.subarray(u * cells, (u + 1) * cells);
    paintGrid(unit.canvas, grid, size);
  }
}

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
  const image = ctx.createImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    const [r, g, b] = diverging(grid[i] / scale, 0.95);
    image.data[4 * i] = r;
    image.data[4 * i + 1] = g;
    image.data[4 * i + 2] = b;
    image.data[4 * i + 3] = 255;
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
      grid[r * size + c] = f(-6 + (12 * c) / (size - 1), 6 - (12 * r) / (size - 1));
    }
  }
  paintGrid(canvas, grid, size);
}
