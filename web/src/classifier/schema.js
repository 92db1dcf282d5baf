// The classifier's settings: one table that drives the URL, the store and the controls.
import {ACTIVATION_PATTERN} from "./activation-spec.js";

export const DATASETS = ["circle", "xor", "gauss", "spiral", "moons", "checkerboard", "reg-plane", "reg-gauss"];
export const REGRESSION_DATASETS = ["reg-plane", "reg-gauss"];
/** The plotting domain of every map and picker thumbnail: [-6, 6] on both axes. */
export const DOMAIN = Object.freeze({xMin: -6, xMax: 6, yMin: -6, yMax: 6});
export const MULTICLASS_DATASETS = ["gauss", "spiral"];
export const FEATURES = ["x", "y", "x2", "y2", "xy", "sinx", "siny"];
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const BATCH_SIZES = [1, 2, 5, 10, 20, 30, 50, 100, 250];
export const EPOCHS_PER_FRAME = [1, 2, 5, 10, 20, 50, 100];
export const POINT_COUNTS = [100, 200, 500, 1000, 2000];
export const MAX_LAYERS = 8;
export const MAX_NEURONS = 64;
/** Points added by clicking: "x:y:label" with x, y on [-6, 6] to two decimals. */
export const ADDED_POINT_PATTERN = /^-?\d+(?:\.\d+)?:-?\d+(?:\.\d+)?:-?\d+(?:\.\d+)?$/;

/** Keys whose change needs a new trainer (everything except the live hyperparameters and view options). */
export const LIVE_KEYS = ["lr", "opt", "reg", "regRate", "batch"];
export const VIEW_KEYS = ["epf", "showTest", "discrete", "addClass", "hsLayer", "hsU", "hsV"];

export const classifierSchema = [
  {key: "dataset", type: "enum", values: DATASETS, default: "circle"},
  {key: "classes", type: "int", min: 2, max: 5, default: 2},
  {key: "points", type: "int", min: 10, max: 10000, default: 500},
  {key: "noise", type: "number", min: 0, max: 1, default: 0},
  {key: "train", type: "number", min: 0.1, max: 0.9, default: 0.5},
  {key: "seed", type: "int", min: 0, max: 4294967295, default: 1},
  {key: "added", type: "list", item: {type: "string", pattern: ADDED_POINT_PATTERN, maxLength: 40}, minLength: 0, maxLength: 1000, default: []},
  {key: "addClass", type: "int", min: 0, max: 4, default: 0},
  {key: "features", type: "list", item: {type: "enum", values: FEATURES}, minLength: 1, maxLength: 7, default: ["x", "y"]},
  {key: "std", type: "bool", default: false},
  {key: "hidden", type: "list", item: {type: "int", min: 1, max: MAX_NEURONS}, minLength: 0, maxLength: MAX_LAYERS, default: [4, 2]},
  {key: "act", type: "list", item: {type: "string", pattern: ACTIVATION_PATTERN, maxLength: 120}, minLength: 0, maxLength: MAX_LAYERS, default: ["tanh", "tanh"]},
  {key: "output", type: "enum", values: ["auto", "tanh"], default: "auto"},
  {key: "init", type: "enum", values: ["xavier", "he", "lecun", "uniform"], default: "xavier"},
  {key: "initScale", type: "number", min: 0.01, max: 100, default: 1},
  {key: "biasInit", type: "number", min: -10, max: 10, default: 0},
  {key: "opt", type: "enum", values: ["sgd", "momentum", "adam"], default: "sgd"},
  {key: "lr", type: "number", min: 1e-7, max: 10, default: 0.03},
  {key: "batch", type: "int", min: 1, max: 10000, default: 10},
  {key: "shuffle", type: "bool", default: true},
  {key: "reg", type: "enum", values: ["none", "l1", "l2"], default: "none"},
  {key: "regRate", type: "number", min: 0, max: 10, default: 0},
  {key: "epf", type: "int", min: 1, max: 100, default: 1},
  {key: "showTest", type: "bool", default: false},
  {key: "discrete", type: "bool", default: false},
  {key: "compare", type: "bool", default: false},
  {key: "compareAct", type: "string", pattern: ACTIVATION_PATTERN, maxLength: 120, default: "relu"},
  {key: "hsLayer", type: "int", min: 0, max: MAX_LAYERS - 1, default: 0},
  {key: "hsU", type: "int", min: 0, max: MAX_NEURONS - 1, default: 0},
  {key: "hsV", type: "int", min: 0, max: MAX_NEURONS - 1, default: 1},
];
