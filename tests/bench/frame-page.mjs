// Runs inside headless Chromium (driven by tests/bench/browser-frame.mjs): times the compute of
// one page frame, i.e. one epoch (with its losses) + predictGrid + neuronGrids + colouring into
// RGBA buffers, for the wasm core and for the plain-JS bound, on the same data and weights.
import * as task from "./task.mjs";
import { PlainMlp } from "./plain-js-mlp.mjs";

export const CONFIGS = {
  default: { name: "default", label: "TF Playground default: circle, x y → [4, 2]", dataset: "circle", features: ["x", "y"], hidden: [4, 2] },
  large: { name: "large", label: "large: spiral, 7 features → six layers of 8", dataset: "spiral", features: task.ALL_FEATURES, hidden: [8, 8, 8, 8, 8, 8] },
};

const GRID = task.GRID;
const THUMB = 10; // neuron thumbnails are coloured at about 10×10, sampled from the neuron grids (as TF Playground does)

/** 256-entry RGBA table over v ∈ [−1, 1]: TF Playground's orange → grey → blue scale. */
function makePalette() {
  const stops = [
    [-1, [245, 147, 34]],
    [0, [232, 234, 235]],
    [1, [8, 119, 189]],
  ];
  const lut = new Uint8ClampedArray(256 * 4);
  for (let k = 0; k < 256; k++) {
    const v = -1 + (2 * k) / 255;
    const [a, b] = v <= 0 ? [stops[0], stops[1]] : [stops[1], stops[2]];
    const u = (v - a[0]) / (b[0] - a[0]);
    for (let c = 0; c < 3; c++) lut[4 * k + c] = a[1][c] + u * (b[1][c] - a[1][c]);
    lut[4 * k + 3] = 160;
  }
  return new Uint32Array(lut.buffer);
}
const PALETTE = makePalette();

/** Colours values (v = scale·value + offset, clamped to [−1, 1]) of a size² grid, every `step`-th cell, into `rgba`. */
function colour(grid, size, step, scale, offset, rgba) {
  let k = 0;
  for (let r = 0; r < size; r += step) {
    const row = r * size;
    for (let c = 0; c < size; c += step) {
      let v = scale * grid[row + c] + offset;
      v = v < -1 ? -1 : v > 1 ? 1 : v;
      rgba[k++] = PALETTE[((v + 1) * 127.5) | 0];
    }
  }
}

/** The frame pipelines of both implementations for one configuration, from the same weights. */
export async function setup(core, cfg, { neuronSize = GRID.size } = {}) {
  const NGRID = { ...GRID, size: neuronSize };
  const model = { name: cfg.name, dataset: cfg.dataset, features: cfg.features, hidden: cfg.hidden };
  const layers = task.initialLayers(model);
  const cells = GRID.size * GRID.size;
  const units = cfg.features.length + cfg.hidden.reduce((a, b) => a + b, 0) + 1;
  const boundaryRgba = new Uint32Array(cells);
  const step = Math.max(1, Math.floor(NGRID.size / THUMB));
  const side = Math.ceil(NGRID.size / step);
  const thumbs = Array.from({ length: units }, () => new Uint32Array(side * side));
  const colourAll = (boundary, neurons) => {
    colour(boundary, GRID.size, 1, 2, -1, boundaryRgba); // P(class 1) ∈ [0, 1] → [−1, 1]
    for (let u = 0; u < neurons.length; u++) colour(neurons[u], NGRID.size, step, u < cfg.features.length ? 1 / 6 : 1, 0, thumbs[u]);
  };
  const pipelines = {};

  let points;
  if (core) {
    const trainer = core.importModel(task.coreModelJson(model, layers));
    const p = trainer.points();
    points = { x: p.x, y: p.y, label: p.label, isTest: p.isTest };
    const parts = {
      epoch: () => trainer.train(1),
      predictGrid: () => trainer.predictGrid(GRID),
      neuronGrids: () => trainer.neuronGrids(NGRID).map((n) => n.grid),
    };
    pipelines.core = {
      parts,
      frame() {
        parts.epoch();
        const boundary = parts.predictGrid();
        const neurons = parts.neuronGrids();
        colourAll(boundary, neurons);
      },
      dispose: () => trainer.dispose(),
    };
  } else {
    points = cfg.dataset === "spiral" ? task.fallbackSpiral() : fallbackCircle();
  }

  const data = task.splitData(points, cfg.features);
  const net = new PlainMlp({
    layers,
    learningRate: task.LEARNING_RATE,
    batchSize: task.BATCH_SIZE,
    features: cfg.features,
  });
  const grid = new Float32Array(cells);
  let neurons = null;
  const parts = {
    epoch: () => net.epoch(data),
    predictGrid: () => net.predictGrid(GRID, grid),
    neuronGrids: () => (neurons = net.neuronGrids(NGRID, neurons ?? undefined)),
  };
  pipelines.plain = {
    parts,
    frame() {
      parts.epoch();
      colourAll(parts.predictGrid(), parts.neuronGrids());
    },
    dispose() {},
  };
  // Colouring alone, on the plain pipeline's buffers (the same JS for both).
  const colourOnly = () => colourAll(grid, neurons ?? parts.neuronGrids());
  for (const p of Object.values(pipelines)) p.parts.colouring = colourOnly;
  return { pipelines, dataSource: core ? "core" : "fallback" };
}

/** Circle data by TF Playground's recipe (noise 0), only when the core is not built. */
function fallbackCircle() {
  const rand = task.mulberry32(task.DATA_SEED);
  const n = task.POINTS;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const label = new Int32Array(n);
  const isTest = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i < n / 2;
    const r = inner ? rand() * 2.5 : 3.5 + rand() * 1.5;
    const angle = rand() * 2 * Math.PI;
    x[i] = r * Math.sin(angle);
    y[i] = r * Math.cos(angle);
    label[i] = inner ? 1 : 0;
    isTest[i] = rand() < 0.5 ? 1 : 0;
  }
  return { x, y, label, isTest };
}

let core = null;
let coreError = null;
const prepared = new Map();

/** Loads the wasm core once; returns null (with the reason in coreError) when it is not built. */
export async function init() {
  try {
    const lib = await import("/lib/activation-playground.mjs");
    core = await lib.loadCore();
  } catch (error) {
    coreError = `not available yet: ${error.message}`;
  }
  return { coreError, crossOriginIsolated: self.crossOriginIsolated, userAgent: navigator.userAgent };
}

/** Builds both pipelines of a configuration; returns their names and the data source. */
export async function prepare(name, options = {}) {
  const cfg = CONFIGS[name];
  let built;
  try {
    built = await setup(core, cfg, options);
  } catch (error) {
    if (!core) throw error;
    coreError = `not available yet: ${error.message}`;
    built = await setup(null, cfg, options);
  }
  prepared.set(name, built);
  return { label: cfg.label, impls: Object.keys(built.pipelines), dataSource: built.dataSource, coreError };
}

/** Runs `count` calls of a pipeline's frame (part "frame") or one part; returns ms per call. */
export function timeCalls(name, impl, part, count) {
  const pipeline = prepared.get(name).pipelines[impl];
  const fn = part === "frame" ? pipeline.frame : pipeline.parts[part];
  const out = new Array(count);
  for (let k = 0; k < count; k++) {
    const t0 = performance.now();
    fn();
    out[k] = performance.now() - t0;
  }
  return out;
}

export function dispose(name) {
  for (const p of Object.values(prepared.get(name)?.pipelines ?? {})) p.dispose();
  prepared.delete(name);
}
