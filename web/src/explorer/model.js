// Pure helpers of the explorer: parameter tokens, slots, slider ranges, axis ticks
// and the depth product (numbers are written by web/lib/number-format.mjs). No DOM here, so node tests can call them.

import {kDefaultParamsToken, kMaxSlots} from "./schema.js";
import {parsePlainNumber, plainNumber} from "../../lib/number-format.mjs";

/** Parses an exParams item ("-" or "name:value;name:value") into {name: number}. */
export function decodeParams(token) {
  const values = {};
  if (!token || token === kDefaultParamsToken) return values;
  for (const pair of token.split(";")) {
    const colon = pair.indexOf(":");
    if (colon <= 0) continue;
    const name = pair.slice(0, colon);
    const text = pair.slice(colon + 1);
    const value = parsePlainNumber(text);
    if (!Number.isNaN(value) && text !== "") values[name] = value;
  }
  return values;
}

/** Writes {name: number} as an exParams item; an empty object gives "-". */
export function encodeParams(values) {
  const pairs = Object.entries(values)
    .filter(([, v]) => typeof v === "number" && !Number.isNaN(v))
    .map(([name, v]) => `${name}:${plainNumber(v)}`);
  return pairs.length ? pairs.join(";") : kDefaultParamsToken;
}

/**
 * The overlaid activations as slots: [{index, name, entry, values, params}], where
 * `values` are the explicitly set parameters and `params` the full set with defaults.
 * Unknown activation names are skipped and reported in `unknown`.
 */
export function buildSlots(state, catalogByName) {
  const slots = [];
  const unknown = [];
  const names = state.exFns ?? [];
  names.forEach((name, i) => {
    const entry = catalogByName.get(name);
    if (!entry) {
      unknown.push(name);
      return;
    }
    if (slots.length >= kMaxSlots) return;
    const explicit = decodeParams(state.exParams?.[i]);
    const values = {};
    for (const p of entry.params) if (p.name in explicit) values[p.name] = explicit[p.name];
    const params = {};
    for (const p of entry.params) params[p.name] = p.name in values ? values[p.name] : p.default;
    slots.push({index: slots.length, name, entry, values, params});
  });
  return {slots, unknown};
}

/**
 * Returns the store update that makes exFns/exParams/exActive/x-range consistent
 * (known names only, at least one slot, aligned params, active index in range,
 * xMin < xMax), or null when the state is already consistent. `built`: buildSlots(state,
 * catalogByName) when the caller has it already.
 */
export function repairState(state, catalogByName, fallbackName, built = buildSlots(state, catalogByName)) {
  const {slots} = built;
  const fns = slots.map((s) => s.name);
  const params = slots.map((s) => encodeParams(s.values));
  if (!fns.length && fallbackName) {
    fns.push(fallbackName);
    params.push(kDefaultParamsToken);
  }
  const patch = {};
  if (!sameList(fns, state.exFns)) patch.exFns = fns;
  if (!sameList(params, state.exParams)) patch.exParams = params;
  const active = Math.min(Math.max(0, state.exActive | 0), Math.max(0, fns.length - 1));
  if (active !== state.exActive) patch.exActive = active;
  if (!(state.exXMin < state.exXMax)) {
    patch.exXMin = -5;
    patch.exXMax = 5;
  }
  return Object.keys(patch).length ? patch : null;
}

function sameList(a, b) {
  return Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Rounds a positive step to 1, 2 or 5 times a power of ten. */
export function niceStep(raw) {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = raw / power;
  const nice = mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10;
  return nice * power;
}

/**
 * Slider bounds for a catalog parameter. Infinite catalog bounds get a finite
 * slider span around the default; `allowInfinity` says the "∞" option applies.
 */
export function sliderSpec(param) {
  const def = Number.isFinite(param.default) ? param.default : 0;
  let lo = param.min;
  let hi = param.max;
  if (!Number.isFinite(lo) && !Number.isFinite(hi)) {
    hi = Math.max(5, Math.ceil(2 * Math.abs(def)));
    lo = -hi;
  } else if (!Number.isFinite(lo)) {
    lo = Math.min(def, hi) - Math.max(10, 2 * Math.abs(def));
  } else if (!Number.isFinite(hi)) {
    hi = Math.max(lo + 10, 2 * Math.abs(def), def + 1);
  }
  const step = niceStep((hi - lo) / 400);
  // "∞" is offered for thresholds: bounded below, unbounded above.
  return {lo, hi, step, allowInfinity: param.max === Infinity && Number.isFinite(param.min)};
}

/** Evenly spaced points from lo to hi inclusive. */
export function linspace(lo, hi, n) {
  const xs = new Float64Array(n);
  // lo + span * (i / (n - 1)) hits 0 exactly for symmetric ranges with odd n.
  for (let i = 0; i < n; i += 1) xs[i] = lo + (hi - lo) * (i / (n - 1));
  xs[n - 1] = hi;
  return xs;
}

/** About `count` round tick values covering [lo, hi]. */
export function linearTicks(lo, hi, count) {
  const step = niceStep((hi - lo) / Math.max(1, count));
  const ticks = [];
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  for (let k = first; k <= last && ticks.length < 200; k += 1) {
    const v = k * step;
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return {ticks, step};
}

/** Decades covering [lo, hi] (both > 0), thinned to at most `count` labels. */
export function logTicks(lo, hi, count) {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const stride = Math.max(1, Math.ceil((b - a) / Math.max(1, count)));
  const ticks = [];
  for (let e = b; e >= a; e -= stride) ticks.unshift(e);
  return ticks;
}

/**
 * The y interval that shows every finite value of the curves, with 0 included
 * and a small margin; never empty.
 */
export function valueRange(arrays) {
  let lo = 0;
  let hi = 0;
  for (const ys of arrays) {
    for (let i = 0; i < ys.length; i += 1) {
      const v = ys[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

/**
 * The best case of |f'| through stacked layers: m = max over x of |f'(x)|, so n layers
 * multiply a back-propagated gradient by at most m^n. Sampled on [-20, 20] (plus 0 and
 * the points just beside it), then refined around the best sample. `at` is where the
 * maximum is reached, or null when it is reached on a whole stretch (ReLU: every x > 0).
 */
export function bestCaseGain(evaluate, name, params) {
  const n = 2001;
  const xs = new Float64Array(n + 3);
  xs.set(linspace(-20, 20, n));
  xs.set([-1e-9, 0, 1e-9], n);
  const coarse = evaluate(name, params, xs).dy;
  let best = 0;
  let bestIndex = -1;
  for (let i = 0; i < xs.length; i += 1) {
    const g = Math.abs(coarse[i]);
    if (g > best) {
      best = g;
      bestIndex = i;
    }
  }
  let ties = 0;
  for (let i = 0; i < n; i += 1) if (Math.abs(coarse[i]) >= best * (1 - 1e-12)) ties += 1;
  if (ties > 1) return {max: best, at: null};
  if (bestIndex < 0 || bestIndex >= n) return {max: best, at: 0};
  // A smooth peak lies within one coarse step of its best sample.
  const lo = xs[Math.max(0, bestIndex - 1)];
  const hi = xs[Math.min(n - 1, bestIndex + 1)];
  const fine = linspace(lo, hi, 201);
  const dy = evaluate(name, params, fine).dy;
  let at = xs[bestIndex];
  for (let i = 0; i < fine.length; i += 1) {
    const g = Math.abs(dy[i]);
    if (g > best) {
      best = g;
      at = fine[i];
    }
  }
  return {max: best, at: Math.abs(at) < 1e-9 ? 0 : at};
}

/** log10 of m^n, for a log-scale chart (so huge and tiny products stay finite). */
export function log10Power(m, n) {
  return m > 0 ? n * Math.log10(m) : -Infinity;
}
