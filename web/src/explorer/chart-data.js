// What the activation chart draws for one state, computed from the core: each slot's f, f'
// and critical points over the x-range, and the active slot's saturation shading. The
// explorer renders from it, and scripts/explorer-preview.mjs builds the first view's
// preview from it at build time, so the preview cannot drift from the live chart.
import {linspace} from "./model.js";

/** The store keys the chart's picture depends on (the preview is valid while they are unchanged). */
export const CHART_KEYS = Object.freeze(["exFns", "exParams", "exActive", "exXMin", "exXMax", "exShowF", "exShowDf", "exSatThreshold"]);

/** Samples per curve on the live chart: enough for a sharp kink at any width. */
export const LIVE_SAMPLES = 2001;

/** Evenly spaced x values of a chart of `state` with `samples` points. */
export function chartXs(state, samples = LIVE_SAMPLES) {
  return linspace(state.exXMin, state.exXMax, samples);
}

/** The chart's x-range and which curves it shows, from `state`: what the live chart and the preview draw with. */
export function chartSettings(state) {
  return {xMin: state.exXMin, xMax: state.exXMax, showF: state.exShowF, showDf: state.exShowDf};
}

/**
 * f, f' and the critical points {x, y} of `slot` over xs. The core throws on a refused
 * parameter set; critical is null when only the search for critical points failed.
 */
export function slotCurve(core, slot, xs, lo, hi) {
  const {y, dy} = core.evaluate(slot.name, slot.params, xs);
  let critical = null;
  try {
    const found = Array.from(core.criticalPoints(slot.name, slot.params, lo, hi));
    const ys = found.length ? core.evaluate(slot.name, slot.params, found).y : [];
    critical = found.map((x, i) => ({x, y: ys[i]}));
  } catch {
    critical = null;
  }
  return {y, dy, critical};
}

/** The x-intervals [from, to] where |f'| is below `threshold` (none when it is 0). */
export function saturationShade(xs, dy, threshold) {
  const shade = [];
  if (!(threshold > 0)) return shade;
  let start = null;
  for (let i = 0; i < xs.length; i += 1) {
    const saturated = Math.abs(dy[i]) < threshold;
    if (saturated && start === null) start = i === 0 ? xs[0] : (xs[i - 1] + xs[i]) / 2;
    if (!saturated && start !== null) {
      shade.push([start, (xs[i - 1] + xs[i]) / 2]);
      start = null;
    }
  }
  if (start !== null) shade.push([start, xs[xs.length - 1]]);
  return shade;
}
