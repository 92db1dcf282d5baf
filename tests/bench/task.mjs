// The benchmark task shared by every implementation (node and browser; no node imports here).
//
// Two-spirals, 500 points, trainFraction 0.5; models M1 and M2 with tanh everywhere and
// TensorFlow Playground's output (tanh + 0.5·(o − t)² on ±1 labels); plain SGD, learning rate
// 0.03, batch 10, no shuffling. The batch gradient is the MEAN of the per-example gradients
// (TensorFlow Playground sums them and divides by the batch size at the update).

export const POINTS = 500;
export const TRAIN_FRACTION = 0.5;
export const LEARNING_RATE = 0.03;
export const BATCH_SIZE = 10;
export const DATA_SEED = 1;
export const WEIGHT_SEED = 20240501;
export const GRID = Object.freeze({ size: 100, xMin: -6, xMax: 6, yMin: -6, yMax: 6 });

export const ALL_FEATURES = ["x", "y", "x2", "y2", "xy", "sinx", "siny"];

export const MODELS = Object.freeze({
  M1: Object.freeze({ name: "M1", features: ["x", "y"], hidden: [8, 8] }),
  M2: Object.freeze({ name: "M2", features: ALL_FEATURES, hidden: [8, 8, 8, 8, 8, 8] }),
});

/** Value of one named feature at (x, y), as TensorFlow Playground defines it. */
export function featureValue(name, x, y) {
  switch (name) {
    case "x":
      return x;
    case "y":
      return y;
    case "x2":
      return x * x;
    case "y2":
      return y * y;
    case "xy":
      return x * y;
    case "sinx":
      return Math.sin(x);
    case "siny":
      return Math.sin(y);
    default:
      throw new Error(`feature must be one of ${ALL_FEATURES.join(", ")}; got ${name}`);
  }
}

/** Row-major n × features.length matrix of feature values at the points (xs[i], ys[i]). */
export function featureMatrix(features, xs, ys) {
  const f = features.length;
  const out = new Float64Array(xs.length * f);
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < f; j++) out[i * f + j] = featureValue(features[j], xs[i], ys[i]);
  }
  return out;
}

/** The grid's sample coordinates: column c, row r at x = xMin + c·dx, y = yMax − r·dy (row 0 on top). */
export function gridPoints(spec = GRID) {
  const n = spec.size;
  const xs = new Float64Array(n * n);
  const ys = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    const y = spec.yMax - (r * (spec.yMax - spec.yMin)) / (n - 1);
    for (let c = 0; c < n; c++) {
      xs[r * n + c] = spec.xMin + (c * (spec.xMax - spec.xMin)) / (n - 1);
      ys[r * n + c] = y;
    }
  }
  return { xs, ys };
}

/** mulberry32: a small seeded 32-bit generator; uniform in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Two spirals by TensorFlow Playground's recipe (noise 0): arm k = 0, 1 has points
 * r = 5i/n, t = 1.75·2π·i/n + kπ, (x, y) = (r sin t, r cos t), i = 0..n−1, n = points/2;
 * arm 0 is class 1. Used only when this project's core is not built yet; half the points,
 * chosen by a seeded shuffle, are test points.
 */
export function fallbackSpiral(points = POINTS, trainFraction = TRAIN_FRACTION, seed = DATA_SEED) {
  const n = points / 2;
  const x = new Float64Array(points);
  const y = new Float64Array(points);
  const label = new Int32Array(points);
  for (let arm = 0; arm < 2; arm++) {
    for (let i = 0; i < n; i++) {
      const r = (i / n) * 5;
      const t = ((1.75 * i) / n) * 2 * Math.PI + arm * Math.PI;
      x[arm * n + i] = r * Math.sin(t);
      y[arm * n + i] = r * Math.cos(t);
      label[arm * n + i] = arm === 0 ? 1 : 0;
    }
  }
  const order = Array.from({ length: points }, (_, i) => i);
  const rand = mulberry32(seed);
  for (let i = points - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const isTest = new Uint8Array(points);
  const tests = Math.round((1 - trainFraction) * points);
  for (let i = 0; i < tests; i++) isTest[order[i]] = 1;
  return { x, y, label, isTest, source: "fallback (JS generator; core not built)" };
}

/**
 * The training and test sets of one model: feature rows in dataset order (training runs
 * through the training points in this order every epoch: no shuffle) and ±1 targets
 * (class 1 → +1, class 0 → −1; predictGrid maps the tanh output o to P(class 1) = (o + 1)/2).
 */
export function splitData(points, features) {
  const train = [];
  const test = [];
  for (let i = 0; i < points.x.length; i++) (points.isTest[i] ? test : train).push(i);
  const pick = (idx) => ({
    n: idx.length,
    x: featureMatrix(
      features,
      idx.map((i) => points.x[i]),
      idx.map((i) => points.y[i]),
    ),
    t: Float64Array.from(idx, (i) => (points.label[i] === 1 ? 1 : -1)),
    px: Float64Array.from(idx, (i) => points.x[i]),
    py: Float64Array.from(idx, (i) => points.y[i]),
  });
  return { features: features.length, train: pick(train), test: pick(test) };
}

/**
 * Initial weights shared by every implementation: Glorot uniform U(−a, a), a = √(6/(in + out)),
 * and biases U(−0.1, 0.1) (non-zero, so a bias bug cannot hide), drawn in layer order, weights
 * row-major [out][in] first, then biases.
 */
export function initialLayers(model, seed = WEIGHT_SEED) {
  const rand = mulberry32(seed + (model.name === "M2" ? 1 : 0));
  const sizes = [model.features.length, ...model.hidden, 1];
  const layers = [];
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1];
    const fanOut = sizes[l];
    const a = Math.sqrt(6 / (fanIn + fanOut));
    const weights = Array.from({ length: fanOut * fanIn }, () => (2 * rand() - 1) * a);
    const biases = Array.from({ length: fanOut }, () => (2 * rand() - 1) * 0.1);
    layers.push({ inputs: fanIn, outputs: fanOut, weights, biases });
  }
  return layers;
}

/**
 * The trainer configuration of this project for a model (the same task in its own terms);
 * the data set is two-spirals unless the model names another (`model.dataset`).
 */
export function coreConfig(model) {
  return {
    dataset: model.dataset ?? "spiral",
    classes: 2,
    points: POINTS,
    noise: 0,
    trainFraction: TRAIN_FRACTION,
    seed: DATA_SEED,
    features: [...model.features],
    hidden: [...model.hidden],
    activation: "tanh",
    output: "tanh",
    optimizer: "sgd",
    learningRate: LEARNING_RATE,
    batchSize: BATCH_SIZE,
    shuffle: false,
    regularization: "none",
    regularizationRate: 0,
  };
}

/** This project's model JSON (format 1) carrying the shared initial weights. */
export function coreModelJson(model, layers = initialLayers(model)) {
  return JSON.stringify({
    format: 1,
    config: coreConfig(model),
    layers: layers.map((l) => ({ weights: l.weights, biases: l.biases, params: {} })),
  });
}

/**
 * Mean 0.5·(o − t)² and accuracy (sign agreement) of a forward function over a data set;
 * `forward(row)` gets a Float64Array feature row and returns the tanh output.
 */
export function lossOf(forward, set, features) {
  let loss = 0;
  let correct = 0;
  const row = new Float64Array(features);
  for (let i = 0; i < set.n; i++) {
    for (let j = 0; j < features; j++) row[j] = set.x[i * features + j];
    const o = forward(row);
    const d = o - set.t[i];
    loss += 0.5 * d * d;
    if ((o >= 0 ? 1 : -1) === set.t[i]) correct++;
  }
  return { loss: loss / set.n, accuracy: correct / set.n };
}

/** Float64 forward pass of exported layers (row-major [out][in]) with tanh on every layer. */
export function forwardOfLayers(layers) {
  const acts = layers.map((l) => new Float64Array(l.outputs ?? l.biases.length));
  return (row) => {
    let input = row;
    for (let l = 0; l < layers.length; l++) {
      const { weights, biases } = layers[l];
      const out = acts[l];
      const nIn = input.length;
      for (let j = 0; j < out.length; j++) {
        let s = biases[j];
        for (let i = 0; i < nIn; i++) s += weights[j * nIn + i] * input[i];
        out[j] = Math.tanh(s);
      }
      input = out;
    }
    return input[0];
  };
}
