// The classifier's settings: one table that drives the URL, the store and the controls.
// Entries that hold a trainer configuration key take its type, range and default from the
// core (cpp/core/train/config.cpp) through web/src/generated/config-schema.js, which the
// build writes from core.configSchema(): the URL is parsed synchronously before the core has
// loaded (and in plain node tests), so the page cannot ask the core for it then.
import {CONFIG_SCHEMA} from "../generated/config-schema.js";
import {ACTIVATION_PATTERN} from "../state/activation-spec.js";

const coreKeys = new Map(CONFIG_SCHEMA.map((key) => [key.name, key]));
/** The core's description of trainer configuration key `name` (see configSchema() in the .d.ts). */
export const configKey = (name) => coreKeys.get(name);

/** URL key -> the trainer configuration key whose value it holds. */
export const CONFIG_KEYS = Object.freeze({
  dataset: "dataset",
  classes: "classes",
  points: "points",
  noise: "noise",
  train: "trainFraction",
  seed: "seed",
  features: "features",
  std: "standardize",
  hidden: "hidden",
  output: "output",
  init: "init",
  initScale: "initScale",
  biasInit: "biasInit",
  opt: "optimizer",
  lr: "learningRate",
  batch: "batchSize",
  shuffle: "shuffle",
  reg: "regularization",
  regRate: "regularizationRate",
});

const dataset = configKey("dataset");
// "custom" is the core's name for given points; the page reaches it by adding points to a generated set.
export const DATASETS = dataset.values.filter((name) => name !== "custom");
export const REGRESSION_DATASETS = dataset.regression;
export const MULTICLASS_DATASETS = dataset.multiclass;
export {DOMAIN} from "../ui/domain.js";
export const FEATURES = configKey("features").items.values;
/** The choices of each setting the core gives as an enum, in its order (a new optimizer or initializer appears in the page by itself). */
export const OPTIMIZERS = configKey("optimizer").values;
export const REGULARIZATIONS = configKey("regularization").values;
export const OUTPUTS = configKey("output").values;
export const INITIALIZERS = configKey("init").values;
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const BATCH_SIZES = [1, 2, 5, 10, 20, 30, 50, 100, 250];
export const EPOCHS_PER_FRAME = [1, 2, 5, 10, 20, 50, 100];
export const POINT_COUNTS = [100, 200, 500, 1000, 2000];
export const MAX_LAYERS = configKey("hidden").maxItems;
export const MAX_NEURONS = configKey("hidden").items.max;
const MAX_CLASSES = configKey("classes").max;
/** Points added by clicking: "x:y:label" with x, y on [-6, 6] to two decimals. */
export const ADDED_POINT_PATTERN = /^-?\d+(?:\.\d+)?:-?\d+(?:\.\d+)?:-?\d+(?:\.\d+)?$/;

/** URL keys of the core's live keys (trainer.update()); any other trainer key's change needs a new trainer. */
export const LIVE_KEYS = Object.keys(CONFIG_KEYS).filter((key) => configKey(CONFIG_KEYS[key]).live);
export const VIEW_KEYS = ["epf", "showTest", "discrete", "addClass", "hsLayer", "hsU", "hsV"];

/** The URL form of a core key's value: the type, range and allowed values parse() checks. */
export function urlSpec(key) {
  switch (key.type) {
    case "integer":
      return {type: "int", min: key.min, max: key.max};
    case "number":
      return key.minExclusive ? {type: "number", min: key.min, max: key.max, minExclusive: true} : {type: "number", min: key.min, max: key.max};
    case "boolean":
      return {type: "bool"};
    case "enum":
      return {type: "enum", values: key.values};
    case "list":
      return {type: "list", item: urlSpec(key.items), minLength: key.minItems, maxLength: key.maxItems};
    default:
      throw new Error(`config key ${key.name}: type ${key.type} has no URL form`);
  }
}

/** A URL entry holding trainer configuration key CONFIG_KEYS[urlKey], as the core defines it. */
function fromCore(urlKey, overrides = {}) {
  const key = configKey(CONFIG_KEYS[urlKey]);
  return {key: urlKey, ...urlSpec(key), default: key.default, ...overrides};
}

const activation = configKey("activation");

export const classifierSchema = [
  fromCore("dataset", {values: DATASETS}),
  fromCore("classes"),
  fromCore("points"),
  fromCore("noise"),
  fromCore("train"),
  fromCore("seed"),
  {key: "added", type: "list", item: {type: "string", pattern: ADDED_POINT_PATTERN, maxLength: 40}, minLength: 0, maxLength: 1000, default: []},
  {key: "addClass", type: "int", min: 0, max: MAX_CLASSES - 1, default: 0},
  fromCore("features"),
  fromCore("std"),
  fromCore("hidden"),
  {
    key: "act",
    type: "list",
    item: {type: "string", pattern: ACTIVATION_PATTERN, maxLength: 120},
    minLength: 0,
    maxLength: MAX_LAYERS,
    default: configKey("hidden").default.map(() => activation.default),
  },
  fromCore("output"),
  fromCore("init"),
  fromCore("initScale"),
  fromCore("biasInit"),
  fromCore("opt"),
  fromCore("lr"),
  fromCore("batch"),
  fromCore("shuffle"),
  fromCore("reg"),
  fromCore("regRate"),
  {key: "epf", type: "int", min: 1, max: 100, default: 1},
  {key: "showTest", type: "bool", default: false},
  {key: "discrete", type: "bool", default: false},
  {key: "compare", type: "bool", default: false},
  {key: "compareAct", type: "string", pattern: ACTIVATION_PATTERN, maxLength: 120, default: "relu"},
  {key: "hsLayer", type: "int", min: 0, max: MAX_LAYERS - 1, default: 0},
  {key: "hsU", type: "int", min: 0, max: MAX_NEURONS - 1, default: 0},
  {key: "hsV", type: "int", min: 0, max: MAX_NEURONS - 1, default: 1},
];
