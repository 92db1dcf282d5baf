// What the classifier asks of its worker, derived from the state: the configuration message, the
// live hyperparameters, the view (what each frame carries), repairs of a link's activations, a
// clicked point. Pure functions.
import {addedPoints, classCount, compareActivation, isRegression, trainerConfig, trainingPointCount} from "./config.js";

const GRID_SIZE = 100;
const THUMB_SIZE = 32;

/** The "configure" message for configuration number `token` (weights from a link are added by the caller). */
export function configureMessage(state, catalog, token) {
  const {config} = trainerConfig(state, catalog);
  return {token, config, compare: state.compare ? compareActivation(state, catalog).activation : null, added: addedPoints(state)};
}

/** The hyperparameters a running trainer takes without a new configuration. */
export function liveSettings(state) {
  return {
    learningRate: state.lr,
    optimizer: state.opt,
    regularization: state.reg,
    regularizationRate: state.regRate,
    batchSize: Math.min(state.batch, trainingPointCount(state)),
  };
}

/** What every frame should carry: grid sizes, the hovered unit's map, statistics, the hidden space when shown. */
export function viewRequest(state, {focus, spaceVisible}) {
  const layers = state.hidden.length;
  const hsLayer = Math.min(state.hsLayer, Math.max(0, layers - 1));
  const width = state.hidden[hsLayer] ?? 0;
  return {
    gridSize: GRID_SIZE,
    // Dense layers show small units: smaller thumbnails cost less in the worker and here.
    thumbSize: Math.max(0, ...state.hidden) > 12 ? THUMB_SIZE / 2 : THUMB_SIZE,
    focus,
    weights: true,
    // Statistics every frame (cheap in the worker), so the gradient-norm history has no gaps.
    stats: true,
    hidden: spaceVisible && layers > 0 ? {layer: hsLayer, u: Math.min(state.hsU, width - 1), v: Math.min(state.hsV, width - 1)} : null,
    compareGrid: state.compare,
  };
}

/**
 * Activation tokens from a link that the catalog rejects: {problems: [{key, value, reason}], partial}
 * where partial replaces them (layers fall back to tanh, the compared activation to relu).
 */
export function activationRepairs(state, catalog) {
  const {problems, tokens} = trainerConfig(state, catalog);
  const found = problems.map(({key, value, reason, code, details}) => ({key, value, reason, code, details}));
  const partial = problems.length ? {act: tokens} : {};
  const compare = compareActivation(state, catalog);
  if (compare.problem) {
    found.push({key: "compareAct", value: state.compareAct, reason: compare.problem.reason, code: compare.problem.code, details: compare.problem.details});
    partial.compareAct = "relu";
  }
  return {problems: found, partial};
}

/** The `added` item for a click at (x, y): the chosen class, or ±1 for regression. */
export function addedPointItem(state, x, y) {
  const label = isRegression(state) ? (state.addClass === 0 ? -1 : 1) : Math.min(state.addClass, classCount(state) - 1);
  return `${x.toFixed(2)}:${y.toFixed(2)}:${label}`;
}
