// Activation Playground's public JavaScript library: loads the WebAssembly core
// and wraps the raw Embind bindings into the documented API (README "JavaScript
// API"). This module owns every wasm handle's lifetime.
import createCoreModule from "./activation-playground-core.mjs";
import {decodeNumbers, encodeNumber, plainNumber} from "./number-format.mjs";

const runsInNode = typeof process === "object" && typeof process.versions?.node === "string";

/** The deepest nesting of arrays/objects the core accepts (kMaxJsonDepth in cpp/core/text/format.h). */
const MAX_JSON_DEPTH = 32;
/** The longest echo of user text in a message (kEchoLimit in the core). */
const ECHO_LIMIT = 80;

/** User text for a message: at most 80 characters, control characters (NUL…) escaped. */
function clipEcho(text) {
  const chars = Array.from(String(text), (c) => (c < " " || c === "\x7f" ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c));
  return chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT).join("")}…` : chars.join("");
}

function describeType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? `a ${value.constructor?.name ?? "null-prototype object"}` : `a ${typeof value}`;
}

/**
 * A plain copy of `value` that JSON can carry exactly: typed arrays become arrays, and
 * anything JSON.stringify would drop or throw on (undefined, functions, symbols, BigInt,
 * class instances, nesting past the core's limit, cycles) is refused naming its path.
 */
function toJsonData(value, path, depth = 0) {
  if (value === null || typeof value === "string" || typeof value === "boolean" || typeof value === "number") return value;
  if (typeof value !== "object") {
    throw new TypeError(`${path}: must be a number, string, boolean, null, array or object, got ${describeType(value)}`);
  }
  if (depth >= MAX_JSON_DEPTH) throw new RangeError(`${path}: nested deeper than ${MAX_JSON_DEPTH} arrays/objects`);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
      throw new TypeError(`${path}: must hold numbers, got ${describeType(value)}`);
    }
    return Array.from(value);
  }
  if (Array.isArray(value)) return Array.from(value, (v, i) => toJsonData(v, `${path}[${i}]`, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${path}: must be a plain object, got ${describeType(value)}`);
  }
  const out = {};
  for (const key of Object.keys(value)) {
    // defineProperty, so that a "__proto__" key stays a key and reaches the core's check.
    Object.defineProperty(out, key, {value: toJsonData(value[key], `${path}.${clipEcho(key)}`, depth + 1), enumerable: true});
  }
  return out;
}

/** JSON for the core: non-finite numbers travel as the strings "inf", "-inf", "nan". */
function toCoreJson(value, path) {
  return JSON.stringify(toJsonData(value, path), (_key, v) => encodeNumber(v));
}

function requireName(name, what = "name") {
  if (typeof name !== "string") throw new TypeError(`${what}: must be a string, got ${describeType(name)}`);
}

function requireParams(params) {
  if (params === undefined || params === null) return {};
  if (typeof params !== "object" || Array.isArray(params)) {
    throw new TypeError("params: must be a plain object such as {alpha: 1}");
  }
  return params;
}

/** Numbers only: "abc", null, true, [2] or 10n are refused rather than coerced. */
function toFloat64Array(xs, what = "xs") {
  if (xs instanceof Float64Array) return xs;
  if (xs instanceof BigInt64Array || xs instanceof BigUint64Array) {
    throw new TypeError(`${what}: must hold numbers, got ${describeType(xs)}`);
  }
  if (ArrayBuffer.isView(xs) && !(xs instanceof DataView)) return Float64Array.from(xs);
  if (Array.isArray(xs)) {
    return Float64Array.from(xs, (x, i) => {
      if (typeof x !== "number") throw new TypeError(`${what}[${i}]: must be a number, got ${describeType(x)}`);
      return x;
    });
  }
  throw new TypeError(`${what}: must be an array or typed array of numbers`);
}

function requireFiniteNumber(value, what) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${what}: must be a finite number, got ${clipEcho(plainNumber(value))}`);
  }
}

function requirePlainObject(value, what) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`${what}: must be a plain object`);
  }
}

const GRID_KEYS = ["size", "xMin", "xMax", "yMin", "yMax"];

/** A grid spec: an object with only size, xMin, xMax, yMin, yMax (a misspelt key is refused, as in configs). */
function requireGridSpec(spec, what) {
  if (spec === undefined) return {};
  requirePlainObject(spec, what);
  for (const key of Object.keys(spec)) {
    if (!GRID_KEYS.includes(key)) {
      throw new TypeError(`${what}.${clipEcho(key)}: unknown key; allowed keys are ${GRID_KEYS.join(", ")}`);
    }
  }
  return spec;
}

/** An integer for an index argument; the core range-checks it (no wrap around 2^32). */
function requireInteger(value, what) {
  if (!Number.isInteger(value)) throw new TypeError(`${what}: must be an integer, got ${clipEcho(plainNumber(value))}`);
}

/**
 * Calls the raw binding and throws the error it left (see guarded() in
 * cpp/bindings/js_interop.h): the binding returns normally even when the core throws,
 * so Embind frees the call's string and JSON arguments either way.
 */
function safeCall(raw, method, call, size) {
  const result = call();
  const error = raw.takeError();
  if (error !== null) {
    if (error.message.startsWith("out of memory")) error.message = `${method}: ${error.message}${size ? ` for ${size}` : ""}`;
    throw error;
  }
  return result;
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

/** Trainers created and not yet disposed (or collected), per process: what memory() reports. */
let liveTrainers = 0;

// Frees the wasm side of a trainer the user forgot to dispose().
const leakedTrainers =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry((handle) => {
        liveTrainers--;
        if (!handle.isDeleted()) handle.delete();
      })
    : null;

/** A network with its dataset and optimizer, living in the wasm core. */
class Trainer {
  #handle;
  #raw;

  constructor(raw, handle) {
    this.#raw = raw;
    this.#handle = handle;
    liveTrainers++;
    leakedTrainers?.register(this, handle, this);
  }

  get #live() {
    if (this.#handle === null) throw new Error("trainer: already disposed");
    return this.#handle;
  }

  /** Runs `method` on the handle and throws the error the core reported, if any. */
  #call(method, args, size) {
    const handle = this.#live;
    return safeCall(this.#raw, method, () => handle[method](...args), size);
  }

  train(epochs = 1) {
    if (!Number.isInteger(epochs) || epochs < 0 || epochs > 1e6) {
      throw new RangeError(`train(epochs): epochs must be an integer in 0..1000000, got ${clipEcho(plainNumber(epochs))}`);
    }
    return this.#call("train", [epochs]);
  }
  metrics() {
    return this.#call("metrics", []);
  }
  history() {
    return this.#call("history", []);
  }
  layerStats() {
    return this.#call("layerStats", []);
  }
  points() {
    return this.#call("points", []);
  }
  predictGrid(spec = {}) {
    return this.#call("predictGrid", [requireGridSpec(spec, "predictGrid(spec)")]);
  }
  neuronGrids(spec = {}) {
    const {cells, layer, index, values} = this.#call("neuronGrids", [requireGridSpec(spec, "neuronGrids(spec)")]);
    return Array.from(layer, (l, k) => ({layer: l, index: index[k], grid: values.subarray(k * cells, (k + 1) * cells)}));
  }
  neuronGrid(layer, index, spec = {}) {
    requireInteger(layer, "neuronGrid(layer)");
    requireInteger(index, "neuronGrid(index)");
    return this.#call("neuronGrid", [layer, index, requireGridSpec(spec, "neuronGrid(spec)")]);
  }
  learnedParams() {
    return this.#call("learnedParams", []);
  }
  transform(layer, xs, ys) {
    requireInteger(layer, "transform(layer)");
    const x = toFloat64Array(xs, "transform(xs)");
    const y = toFloat64Array(ys, "transform(ys)");
    if (x.length !== y.length) throw new RangeError(`transform: xs has ${x.length} points but ys has ${y.length}`);
    return this.#call("transform", [layer, x, y], `${x.length} points`);
  }
  update(partialConfig) {
    requirePlainObject(partialConfig, "update(partialConfig)");
    this.#call("update", [toCoreJson(partialConfig, "config")]);
  }
  weights() {
    return this.#call("weights", []);
  }
  setWeight(layer, to, from, value) {
    for (const [what, v] of [["layer", layer], ["to", to], ["from", from]]) requireInteger(v, `setWeight(${what})`);
    requireFiniteNumber(value, "setWeight(value)");
    this.#call("setWeight", [layer, to, from, value]);
  }
  setBias(layer, to, value) {
    for (const [what, v] of [["layer", layer], ["to", to]]) requireInteger(v, `setBias(${what})`);
    requireFiniteNumber(value, "setBias(value)");
    this.#call("setBias", [layer, to, value]);
  }
  /** The validated configuration with every default filled in. */
  config() {
    return decodeNumbers(JSON.parse(this.#call("configJson", [])));
  }
  exportModel() {
    return this.#call("exportModel", []);
  }
  dispose() {
    if (this.#handle === null) return;
    leakedTrainers?.unregister(this);
    liveTrainers--;
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
      const paramsJson = toCoreJson(requireParams(params), "params");
      const x = toFloat64Array(xs);
      return safeCall(raw, "evaluate", () => raw.evaluate(name, paramsJson, x), `${x.length} points`);
    },

    /** x in [lo, hi] where f'(x) = 0 or changes sign. */
    criticalPoints(name, params, lo, hi) {
      requireName(name);
      requireFiniteNumber(lo, "criticalPoints(lo)");
      requireFiniteNumber(hi, "criticalPoints(hi)");
      if (!(lo < hi)) throw new RangeError(`criticalPoints: lo (${plainNumber(lo)}) must be below hi (${plainNumber(hi)})`);
      const paramsJson = toCoreJson(requireParams(params), "params");
      return Array.from(safeCall(raw, "criticalPoints", () => raw.criticalPoints(name, paramsJson, lo, hi)));
    },

    /** Softmax and log-softmax of a vector, stable for large inputs. */
    softmax(xs) {
      const x = toFloat64Array(xs);
      if (x.length === 0) throw new RangeError("softmax(xs): needs at least one value");
      return safeCall(raw, "softmax", () => raw.softmax(x), `${x.length} values`);
    },

    createTrainer(config = {}) {
      requirePlainObject(config, "config");
      const json = toCoreJson(config, "config");
      return new Trainer(raw, safeCall(raw, "createTrainer", () => raw.createTrainer(json)));
    },

    /** A trainer that predicts exactly as an exported model (JSON text or object). */
    importModel(model) {
      const text = typeof model === "string" ? model : toCoreJson(model, "model");
      return new Trainer(raw, safeCall(raw, "importModel", () => raw.importModel(text)));
    },

    /**
     * Memory diagnostics for leak tests and soaks: bytes malloc holds in the wasm heap
     * (falls when memory is freed), the size of wasm memory (never shrinks), JS values
     * the core holds handles to, and trainers not yet disposed (in this whole process).
     */
    memory() {
      return {
        heapBytesInUse: raw.heapBytesInUse(),
        wasmBytes: raw.HEAP8.buffer.byteLength,
        jsHandles: raw.count_emval_handles(),
        liveTrainers,
      };
    },
  };
}
