// A model file (the core's export) back into page state: its configuration as the page's keys
// and its trained layers, so "Load model" restores a network that predicts exactly as it did.
// Pure; problems are thrown as ModelFileError with a message key and values.
import {formatActivation} from "../state/activation-spec.js";

export const MODEL_FORMAT = 1;

export class ModelFileError extends Error {
  constructor(key, values = {}) {
    super(key);
    this.key = key;
    this.values = values;
  }
}

/** The page keys that decide the network's shape and inputs: they must survive as written. */
const STRUCTURAL_KEYS = ["dataset", "classes", "features", "std", "hidden", "act", "output"];

/** Parses and checks a model file's text; returns {partial, layers}. */
export function stateFromModel(text, catalog) {
  let model;
  try {
    model = JSON.parse(text);
  } catch {
    throw new ModelFileError("notJson");
  }
  if (!model || typeof model !== "object" || !model.config || !Array.isArray(model.layers)) throw new ModelFileError("notModel");
  if (model.format !== MODEL_FORMAT) throw new ModelFileError("format", {format: String(model.format), supported: MODEL_FORMAT});
  const c = model.config;
  if (c.dataset === "custom") throw new ModelFileError("customData");
  const hidden = c.hidden ?? [];
  const specs = Array.isArray(c.activation) ? c.activation : hidden.map(() => c.activation);
  const order = (name) => catalog.find((entry) => entry.name === name)?.params.map((p) => p.name);
  const act = specs.map((spec) => (typeof spec === "string" ? spec : formatActivation({name: spec.name, params: spec.params ?? {}, learn: spec.learn ?? true}, order(spec.name))));
  const partial = {
    dataset: c.dataset,
    classes: c.classes,
    points: c.points,
    noise: c.noise,
    train: c.trainFraction,
    seed: c.seed,
    added: [],
    features: c.features,
    std: c.standardize,
    hidden,
    act: act.length ? act : ["tanh"],
    output: c.output,
    init: c.init,
    initScale: c.initScale,
    biasInit: c.biasInit,
    opt: c.optimizer,
    lr: c.learningRate,
    batch: c.batchSize,
    shuffle: c.shuffle,
    reg: c.regularization,
    regRate: c.regularizationRate,
  };
  return {partial, layers: model.layers};
}

/** The structural keys the page could not take as the file wrote them (empty when all fit). */
export function rejectedKeys(partial, state) {
  return STRUCTURAL_KEYS.filter((key) => key in partial && key !== "classes" && JSON.stringify(partial[key]) !== JSON.stringify(state[key]));
}
