// Activation Playground's public JavaScript library: loads the WebAssembly core
// and wraps the raw Embind bindings into the documented API (README "JavaScript
// API"). This module owns every wasm handle's lifetime.
import createCoreModule from "./activation-playground-core.mjs";
import {decodeNumbers, encodeNumber, plainNumber} from "./number-format.mjs";

const runsInNode = typeof process === "object" && typeof process.versions?.node === "string";

/** JSON for the core: non-finite numbers travel as the strings "inf", "-inf", "nan". */
function toCoreJson(value) {
  return JSON.stringify(value, (_key, v) => encodeNumber(v));
}

function requireName(name, what = "name") {
  if (typeof name !== "string") throw new TypeError(`${what}: must be a string, got ${typeof name}`);
}

function requireParams(params) {
  if (params === undefined || params === null) return {};
  if (typeof params !== "object" || Array.isArray(params)) {
    throw new TypeError("params: must be a plain object such as {alpha: 1}");
  }
  return params;
}

function toFloat64Array(xs, what = "xs") {
  if (xs instanceof Float64Array) return xs;
  if (Array.isArray(xs) || ArrayBuffer.isView(xs)) return Float64Array.from(xs, Number);
  throw new TypeError(`${what}: must be an array or typed array of numbers`);
}

function requireFiniteNumber(value, what) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${what}: must be a finite number, got ${plainNumber(value)}`);
  }
}

function requirePlainObject(value, what) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`${what}: must be a plain object`);
  }
}

let compiledCore = null;

/**
 * The core's WebAssembly module, fetched and compiled once per page, worker or process. Hand
 * it to a worker (it is cloneable) and pass it back as loadCore({wasmModule}) there, so a page
 * with several apps fetches and compiles the .wasm once.
 */
export function compileCore() {
  compiledCore ??= (async () => {
    const wasmUrl = new URL("./activation-playground.wasm", import.meta.url);
    if (runsInNode) {
      // Node's fetch cannot read file: URLs, so read the bytes directly.
      const {readFile} = await import("node:fs/promises");
      return WebAssembly.compile(await readFile(wasmUrl));
    }
    const response = await fetch(wasmUrl, {credentials: "same-origin"});
    if (!response.ok) throw new Error(`loadCore: could not fetch ${wasmUrl.href} (HTTP ${response.status})`);
    // Compiling while the bytes arrive saves the compile after a slow download; some hosts send
    // .wasm without application/wasm, which streaming compilation refuses: then the bytes.
    if (WebAssembly.compileStreaming && response.headers.get("content-type")?.startsWith("application/wasm")) {
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  })();
  compiledCore.catch(() => {
    compiledCore = null;
  });
  return compiledCore;
}

async function instantiate(wasmModule) {
  const module = wasmModule ?? (await compileCore());
  return createCoreModule({
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module));
      return {};
    },
  });
}

// Frees the wasm side of a trainer the user forgot to dispose().
const leakedTrainers =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry((handle) => {
        if (!handle.isDeleted()) handle.delete();
      })
    : null;

/** A network with its dataset and optimizer, living in the wasm core. */
class Trainer {
  #handle;

  constructor(handle) {
    this.#handle = handle;
    leakedTrainers?.register(this, handle, this);
  }

  get #live() {
    if (this.#handle === null) throw new Error("trainer: already disposed");
    return this.#handle;
  }

  train(epochs = 1) {
    if (!Number.isInteger(epochs) || epochs < 0 || epochs > 1e6) {
      throw new RangeError(`train(epochs): epochs must be an integer in 0..1000000, got ${plainNumber(epochs)}`);
    }
    return this.#live.train(epochs);
  }
  metrics() {
    return this.#live.metrics();
  }
  history() {
    return this.#live.history();
  }
  layerStats() {
    return this.#live.layerStats();
  }
  points() {
    return this.#live.points();
  }
  predictGrid(spec = {}) {
    return this.#live.predictGrid(spec);
  }
  neuronGrids(spec = {}) {
    const {cells, layer, index, values} = this.#live.neuronGrids(spec);
    return Array.from(layer, (l, k) => ({layer: l, index: index[k], grid: values.subarray(k * cells, (k + 1) * cells)}));
  }
  neuronGrid(layer, index, spec = {}) {
    if (!Number.isInteger(layer)) throw new TypeError(`neuronGrid(layer): layer must be an integer, got ${plainNumber(layer)}`);
    if (!Number.isInteger(index)) throw new TypeError(`neuronGrid(index): index must be an integer, got ${plainNumber(index)}`);
    return this.#live.neuronGrid(layer, index, spec);
  }
  learnedParams() {
    return this.#live.learnedParams();
  }
  transform(layer, xs, ys) {
    if (!Number.isInteger(layer)) throw new TypeError(`transform(layer): layer must be an integer, got ${plainNumber(layer)}`);
    const x = toFloat64Array(xs, "transform(xs)");
    const y = toFloat64Array(ys, "transform(ys)");
    if (x.length !== y.length) throw new RangeError(`transform: xs has ${x.length} points but ys has ${y.length}`);
    return this.#live.transform(layer, x, y);
  }
  update(partialConfig) {
    requirePlainObject(partialConfig, "update(partialConfig)");
    this.#live.update(toCoreJson(partialConfig));
  }
  weights() {
    return this.#live.weights();
  }
  setWeight(layer, to, from, value) {
    for (const [what, v] of [["layer", layer], ["to", to], ["from", from]]) {
      if (!Number.isInteger(v)) throw new TypeError(`setWeight(${what}): must be an integer, got ${plainNumber(v)}`);
    }
    requireFiniteNumber(value, "setWeight(value)");
    this.#live.setWeight(layer, to, from, value);
  }
  setBias(layer, to, value) {
    for (const [what, v] of [["layer", layer], ["to", to]]) {
      if (!Number.isInteger(v)) throw new TypeError(`setBias(${what}): must be an integer, got ${plainNumber(v)}`);
    }
    requireFiniteNumber(value, "setBias(value)");
    this.#live.setBias(layer, to, value);
  }
  /** The validated configuration with every default filled in. */
  config() {
    return decodeNumbers(JSON.parse(this.#live.configJson()));
  }
  exportModel() {
    return this.#live.exportModel();
  }
  dispose() {
    if (this.#handle === null) return;
    leakedTrainers?.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }
}

let sharedCore = null;

/**
 * The core. Works in browsers, workers and Node 18/20. Every call without options returns the
 * same instance (one wasm instance per page, worker or process); `{fresh: true}` makes a new
 * one, and `{wasmModule}` instantiates a module compiled elsewhere (see compileCore).
 */
export function loadCore(options = {}) {
  if (options.fresh || options.wasmModule) return createCore(options.wasmModule);
  sharedCore ??= createCore();
  sharedCore.catch(() => {
    sharedCore = null;
  });
  return sharedCore;
}

async function createCore(wasmModule) {
  const raw = await instantiate(wasmModule);
  const catalog = decodeNumbers(JSON.parse(raw.catalogJson()));
  const configSchema = JSON.parse(raw.configSchemaJson());

  return {
    version: raw.version(),

    /** Every catalog activation (a fresh copy on each call). */
    activations() {
      return structuredClone(catalog);
    },

    /** Every trainer configuration key: name, type, default, range or values, description (a fresh copy). */
    configSchema() {
      return structuredClone(configSchema);
    },

    /** f, f' and the learnable parameters' derivatives at each x. */
    evaluate(name, params, xs) {
      requireName(name);
      return raw.evaluate(name, toCoreJson(requireParams(params)), toFloat64Array(xs));
    },

    /** x in [lo, hi] where f'(x) = 0 or changes sign. */
    criticalPoints(name, params, lo, hi) {
      requireName(name);
      requireFiniteNumber(lo, "criticalPoints(lo)");
      requireFiniteNumber(hi, "criticalPoints(hi)");
      if (!(lo < hi)) throw new RangeError(`criticalPoints: lo (${plainNumber(lo)}) must be below hi (${plainNumber(hi)})`);
      return Array.from(raw.criticalPoints(name, toCoreJson(requireParams(params)), lo, hi));
    },

    /** Softmax and log-softmax of a vector, stable for large inputs. */
    softmax(xs) {
      const x = toFloat64Array(xs);
      if (x.length === 0) throw new RangeError("softmax(xs): needs at least one value");
      return raw.softmax(x);
    },

    createTrainer(config = {}) {
      requirePlainObject(config, "config");
      return new Trainer(raw.createTrainer(toCoreJson(config)));
    },

    /** A trainer that predicts exactly as an exported model (JSON text or object). */
    importModel(model) {
      const text = typeof model === "string" ? model : toCoreJson(model);
      return new Trainer(raw.importModel(text));
    },
  };
}
