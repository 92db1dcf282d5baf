// Type declarations for Activation Playground's public JavaScript library.
// Kept true by tests/types/api-usage.ts, which `npm test` type-checks.

/** The catalog's groups (tests/js/config-schema.test.mjs checks this list against core.activations()). */
export type ActivationGroup = "classic" | "relu-family" | "smooth" | "self-normalizing" | "gated" | "hard";
export type Smoothness = "C-inf" | "C1" | "C0" | "discontinuous";
export type Saturation = "none" | "soft" | "hard";

/**
 * What the core's validation errors carry besides their English `message` (which names the field
 * and its allowed values): a machine-readable `code` and the fields it is about, so a caller can
 * act on the error or say it in its reader's language. Errors thrown by the JS wrapper itself
 * (TypeError, RangeError for wrong argument types) and other core errors have no code.
 *
 * | code | details |
 * |---|---|
 * | `"unknown-activation"` | `{activation}` |
 * | `"unknown-param"` | `{activation, param}` |
 * | `"param-out-of-range"` | `{activation, param, min, max, value}` (bounds inclusive, may be ±Infinity) |
 * | `"param-order"` | `{activation, param, relation, other, otherValue, value}`, e.g. hardtanh's `min_val` `"<"` `max_val` |
 *
 * @example
 * try { core.evaluate("leaky_relu", {negative_slope: 5}, [0]); }
 * catch (error) { error.code === "param-out-of-range"; error.details.max === 1; }
 */
export type CoreErrorCode = "unknown-activation" | "unknown-param" | "param-out-of-range" | "param-order";

export interface CoreError extends Error {
  code?: CoreErrorCode;
  details?: {activation?: string; param?: string; min?: number; max?: number; value?: number; relation?: string; other?: string; otherValue?: number};
}

export interface ActivationParam {
  name: string;
  default: number;
  /** Inclusive bounds; may be -Infinity / Infinity. */
  min: number;
  max: number;
  learnable: boolean;
}

export interface ActivationProperties {
  group: ActivationGroup;
  /** Output range [min, max]; ±Infinity for unbounded ends. */
  range: [number, number];
  monotonic: boolean;
  smoothness: Smoothness;
  zeroCentred: boolean;
  saturation: {left: Saturation; right: Saturation};
  derivativeAtZero: number;
}

export interface ActivationInfo {
  name: string;
  label: string;
  group: ActivationGroup;
  /** LaTeX of f(x). */
  formula: string;
  /** LaTeX of f'(x). */
  derivativeFormula: string;
  params: ActivationParam[];
  properties: ActivationProperties;
  frameworks: {pytorch: string | null; keras: string | null; tfjs: string | null};
}

export type Params = Record<string, number>;
export type Numbers = ArrayLike<number> | Float64Array;

export interface Evaluation {
  y: Float64Array;
  dy: Float64Array;
  /** Derivative with respect to each learnable parameter. */
  dparams: Record<string, Float64Array>;
}

// The literal unions below repeat what core.configSchema() lists, for editors' sake;
// tests/js/config-schema.test.mjs fails when they disagree with the core.
export type DatasetName =
  | "circle" | "xor" | "gauss" | "spiral" | "moons" | "checkerboard" | "reg-plane" | "reg-gauss" | "custom";
export type FeatureName = "x" | "y" | "x2" | "y2" | "xy" | "sinx" | "siny";

export type LayerActivation =
  | string
  | {name: string; params?: Params; learn?: boolean}
  | {name: "maxout"; params: {k: number}};

export interface TrainerConfig {
  dataset?: DatasetName;
  classes?: number;
  points?: number;
  noise?: number;
  trainFraction?: number;
  seed?: number;
  data?: {x: Numbers; y: Numbers; label: Numbers};
  features?: FeatureName[];
  standardize?: boolean;
  hidden?: number[];
  activation?: LayerActivation | LayerActivation[];
  output?: "auto" | "tanh";
  init?: "xavier" | "he" | "lecun" | "uniform";
  initScale?: number;
  biasInit?: number;
  optimizer?: "sgd" | "momentum" | "adam";
  learningRate?: number;
  batchSize?: number;
  shuffle?: boolean;
  regularization?: "none" | "l1" | "l2";
  regularizationRate?: number;
}

export type LiveConfig = Pick<TrainerConfig, "learningRate" | "optimizer" | "regularization" | "regularizationRate" | "batchSize">;

/** Bounds of a number; both ends included unless `minExclusive`. */
export interface NumberRange {
  min: number;
  max: number;
  minExclusive?: boolean;
}

interface ConfigKeyCommon {
  name: keyof TrainerConfig;
  /** What the key does, and limits that depend on other keys (classes, batchSize). */
  description: string;
  /** trainer.update() can change it. */
  live: boolean;
}

/**
 * One key of the trainer configuration as the core validates it (`core.configSchema()`).
 * `min`/`max` are a key's own bounds; a limit set by another key (batchSize at most the
 * training points, classes above 2 only for the `multiclass` datasets) is in `description`.
 */
export type ConfigKeySchema =
  | (ConfigKeyCommon & {
      type: "enum";
      default: string;
      values: string[];
      /** On `dataset` only: the sets that take `classes` above 2, and the regression sets. */
      multiclass?: DatasetName[];
      regression?: DatasetName[];
    })
  | (ConfigKeyCommon & NumberRange & {type: "integer" | "number"; default: number})
  | (ConfigKeyCommon & {type: "boolean"; default: boolean})
  | (ConfigKeyCommon & {
      type: "list";
      default: string[] | number[];
      items: {type: "enum"; values: string[]} | (NumberRange & {type: "integer"});
      minItems: number;
      maxItems: number;
      /** Items must be distinct. */
      unique?: boolean;
    })
  | (ConfigKeyCommon & {
      type: "activation";
      default: LayerActivation;
      maxout: {k: NumberRange & {type: "integer"; default: number}};
    })
  | (ConfigKeyCommon & {type: "data"; minItems: number; maxItems: number});

export interface Metrics {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** null for regression. */
  trainAccuracy: number | null;
  testAccuracy: number | null;
  diverged: boolean;
}

export interface History {
  epoch: Float64Array;
  trainLoss: Float64Array;
  testLoss: Float64Array;
  trainAccuracy: Float64Array;
  testAccuracy: Float64Array;
}

export interface LayerStats {
  gradNorm: number;
  preActMean: number;
  preActStd: number;
  actMean: number;
  actStd: number;
  deadFraction: number;
  saturatedFraction: number;
  sameSignFraction: number;
  histogram: {lo: number; hi: number; counts: Uint32Array};
}

export interface Points {
  x: Float64Array;
  y: Float64Array;
  /** Class index, or the real target for regression. */
  label: Int32Array | Float64Array;
  isTest: Uint8Array;
}

export interface GridSpec {
  /** 2..256 samples per side. */
  size?: number;
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
}

export interface NeuronGrid {
  /** -1 for an input feature, 0.. for hidden layers, the hidden count for the output layer. */
  layer: number;
  index: number;
  grid: Float32Array;
}

export interface LearnedParam {
  layer: number;
  name: string;
  values: Float64Array;
}

export interface LayerWeights {
  inputs: number;
  outputs: number;
  /** Row-major [out][in]. */
  weights: Float64Array;
  biases: Float64Array;
}

export interface Trainer {
  train(epochs?: number): Metrics;
  metrics(): Metrics;
  history(): History;
  layerStats(): LayerStats[];
  points(): Points;
  /**
   * Row 0 at the top (largest y); 2 classes: P(class 1); k classes: k planes; regression: raw.
   * Computed in float32 for display: within 2e-5 of the float64 forward pass (`transform`).
   */
  predictGrid(spec?: GridSpec): Float32Array;
  /** Every input feature, hidden unit and output unit over the grid; the grids are views into one buffer. */
  neuronGrids(spec?: GridSpec): NeuronGrid[];
  /** One unit's grid (layer -1 = input features, the hidden count = output); throws for a unit that does not exist. */
  neuronGrid(layer: number, index: number, spec?: GridSpec): Float32Array;
  learnedParams(): LearnedParam[];
  /** Row-major n × width activations of hidden layer `layer`. */
  transform(layer: number, xs: Numbers, ys: Numbers): Float64Array;
  update(partialConfig: LiveConfig): void;
  weights(): LayerWeights[];
  setWeight(layer: number, to: number, from: number, value: number): void;
  /** Sets the bias of unit `to` of weight layer `layer` (as in `weights()`); throws for a missing unit or a non-finite value. */
  setBias(layer: number, to: number, value: number): void;
  config(): Required<Omit<TrainerConfig, "data">> & Pick<TrainerConfig, "data">;
  exportModel(): string;
  dispose(): void;
}

export interface Core {
  readonly version: string;
  activations(): ActivationInfo[];
  /** Every trainer configuration key with its type, default, range or values (a fresh copy). */
  configSchema(): ConfigKeySchema[];
  evaluate(name: string, params: Params | undefined, xs: Numbers): Evaluation;
  criticalPoints(name: string, params: Params | undefined, lo: number, hi: number): number[];
  softmax(xs: Numbers): {y: Float64Array; logY: Float64Array};
  createTrainer(config?: TrainerConfig): Trainer;
  importModel(model: string | object): Trainer;
  /**
   * Memory diagnostics for leak tests and soaks: bytes malloc holds in the wasm heap (falls
   * again when memory is freed), the size of wasm memory (which never shrinks), JS values
   * the core holds handles to, and trainers not yet disposed (in the whole process or worker).
   */
  memory(): {heapBytesInUse: number; wasmBytes: number; jsHandles: number; liveTrainers: number};
}

export interface LoadCoreOptions {
  /** A new wasm instance instead of the shared one. */
  fresh?: boolean;
  /** A module from compileCore(), e.g. handed to a worker, so the .wasm is fetched and compiled once. */
  wasmModule?: WebAssembly.Module;
}

/** The core; without options every call returns the same instance. */
export function loadCore(options?: LoadCoreOptions): Promise<Core>;

/** The core's compiled WebAssembly module, fetched and compiled once. */
export function compileCore(): Promise<WebAssembly.Module>;
