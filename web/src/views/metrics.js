// The headline numbers: train and test loss (and accuracy). Non-finite values read "diverged".
import {h, setClass, setText} from "../ui/dom.js";
import {formatFixed, formatPercent} from "../i18n/format.js";

const boards = new WeakMap();

/** Loss as text: 3 decimals, scientific below 0.001, "diverged" when not finite. */
export function formatLoss(value, t) {
  if (value === null || value === undefined) return "–";
  if (!Number.isFinite(value)) return t("classifier.divergedValue");
  return formatFixed(value, {decimals: 3, expDigits: 2, small: 0.001});
}

export function formatAccuracy(value, t) {
  if (value === null || value === undefined) return "–";
  if (!Number.isFinite(value)) return t("classifier.divergedValue");
  return formatPercent(value, 1);
}

/**
 * @param {HTMLElement} target
 * @param {{metrics: object | null, regression: boolean}} data
 * @param {{t: Function, testids?: boolean}} options
 */
export function draw(target, data, options) {
  let board = boards.get(target);
  if (!board) {
    board = create(target, options);
    boards.set(target, board);
  }
  const {t} = options;
  const m = data.metrics;
  const diverged = Boolean(m?.diverged);
  setText(board.trainLoss, diverged ? t("classifier.divergedValue") : formatLoss(m?.trainLoss, t));
  setText(board.testLoss, diverged ? t("classifier.divergedValue") : formatLoss(m?.testLoss, t));
  setText(board.trainAcc, diverged ? t("classifier.divergedValue") : formatAccuracy(m?.trainAccuracy, t));
  setText(board.testAcc, diverged ? t("classifier.divergedValue") : formatAccuracy(m?.testAccuracy, t));
  setClass(board.root, "is-diverged", diverged);
  setClass(board.root, "is-regression", data.regression);
}

function create(target, options) {
  const {t, testids = true} = options;
  const value = (testid) => h("span", {class: "metric-value", "data-testid": testids ? testid : null});
  const board = {trainLoss: value("train-loss"), testLoss: value("test-loss"), trainAcc: value(null), testAcc: value(null)};
  const cell = (label, element, extra = "") => h("div", {class: `metric ${extra}`}, [h("span", {class: "metric-label", text: label}), element]);
  board.root = h("div", {class: "metrics"}, [
    cell(t("classifier.trainLoss"), board.trainLoss),
    cell(t("classifier.testLoss"), board.testLoss),
    cell(t("classifier.trainAccuracy"), board.trainAcc, "metric--accuracy"),
    cell(t("classifier.testAccuracy"), board.testAcc, "metric--accuracy"),
  ]);
  target.replaceChildren(board.root);
  return board;
}
