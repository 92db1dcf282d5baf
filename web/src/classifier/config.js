// From page state to the trainer's configuration (issue 3's plain object). Pure.
import {MULTICLASS_DATASETS, REGRESSION_DATASETS, ADDED_POINT_PATTERN} from "./schema.js";
import {parseActivation, resolveActivation} from "../state/activation-spec.js";

export const isRegression = (state) => REGRESSION_DATASETS.includes(state.dataset);
export const isMulticlass = (state) => MULTICLASS_DATASETS.includes(state.dataset);
export const classCount = (state) => (isRegression(state) ? 1 : isMulticlass(state) ? state.classes : 2);

/** One activation token per hidden layer: extra tokens dropped, missing ones copy the last (or tanh). */
export function layerTokens(state) {
  const tokens = state.act.slice(0, state.hidden.length);
  while (tokens.length < state.hidden.length) tokens.push(tokens[tokens.length - 1] ?? "tanh");
  return tokens;
}

/** Training points the core will use (before added points), for clamping the batch size. */
export function trainingPointCount(state) {
  return Math.max(1, Math.floor((state.points + state.added.length) * state.train));
}

/** Points added by clicking, as {x, y, label}. */
export function addedPoints(state) {
  return state.added
    .filter((item) => ADDED_POINT_PATTERN.test(item))
    .map((item) => {
      const [x, y, label] = item.split(":").map(Number);
      return {x, y, label};
    });
}

/** The config of a resolved activation spec: a name alone when it has nothing else to say. */
export function activationConfig(spec) {
  const hasParams = Object.keys(spec.params).length > 0;
  if (!hasParams && spec.learn) return spec.name;
  return spec.learn ? {name: spec.name, params: spec.params} : {name: spec.name, params: spec.params, learn: false};
}

/**
 * @returns {{config: object, problems: {key: string, value: string, reason: string}[], tokens: string[]}}
 *   problems: activation tokens the catalog rejects (replaced by tanh)
 */
export function trainerConfig(state, catalog) {
  const problems = [];
  const tokens = layerTokens(state).map((token) => {
    const resolved = resolveActivation(parseActivation(token), catalog);
    if (resolved.spec) return {token, spec: resolved.spec};
    problems.push({key: "act", value: token, reason: resolved.reason, code: resolved.code, details: resolved.details});
    return {token: "tanh", spec: {name: "tanh", params: {}, learn: true}};
  });
  const config = {
    dataset: state.dataset,
    classes: isMulticlass(state) ? state.classes : 2,
    points: state.points,
    noise: state.noise,
    trainFraction: state.train,
    seed: state.seed,
    features: [...state.features],
    standardize: state.std,
    hidden: [...state.hidden],
    activation: tokens.length ? tokens.map(({spec}) => activationConfig(spec)) : "tanh",
    output: state.output,
    init: state.init,
    initScale: state.initScale,
    biasInit: state.biasInit,
    optimizer: state.opt,
    learningRate: state.lr,
    batchSize: Math.min(state.batch, trainingPointCount(state)),
    shuffle: state.shuffle,
    regularization: state.reg,
    regularizationRate: state.regRate,
  };
  return {config, problems, tokens: tokens.map(({token}) => token)};
}

/** The compare trainer's activation (every layer), or tanh with a problem when the token is invalid. */
export function compareActivation(state, catalog) {
  const resolved = resolveActivation(parseActivation(state.compareAct), catalog);
  return resolved.spec ? {activation: activationConfig(resolved.spec)} : {activation: "relu", problem: {key: "compareAct", value: state.compareAct, reason: resolved.reason, code: resolved.code, details: resolved.details}};
}

/** The next lower learning rate to suggest after a divergence: about a tenth, from the list. */
export function lowerLearningRate(lr, choices) {
  const target = lr / 10;
  const below = choices.filter((value) => value <= target * 1.0001);
  return below.length ? below[below.length - 1] : choices[0];
}
