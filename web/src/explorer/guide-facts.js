// The numbers the activation guide quotes, read from the core at run time, never typed into the
// text: a guide message says "{d0}" and this file supplies f'(0) of the catalog's defaults. The same
// facts exist for every activation, so a guide can quote any of them. Pure (given a core).
import {bestCaseGain} from "./model.js";
import {MAXOUT_K} from "../state/activation-spec.js";

/** The guide's sections, in the order shown; every entry of every locale fills all of them. */
export const GUIDE_SECTIONS = ["what", "origin", "pros", "cons", "use"];
/** Guides for functions outside the catalog of element-wise activations. */
export const EXTRA_GUIDES = ["maxout", "softmax"];
/** The placeholders every catalog entry's facts fill. */
export const ACTIVATION_FACTS = ["f0", "d0", "maxSlope", "maxSlopeAt", "depth10", "rangeMin", "rangeMax", "critical", "criticalValue"];

/**
 * @param {{evaluate, criticalPoints, softmax}} core
 * @param {string} name a catalog name, or "maxout" / "softmax"
 * @param {object[]} catalog core.activations()
 * @returns {Record<string, number>} placeholder -> value (params as param_<name>)
 */
export function guideFacts(core, name, catalog) {
  if (name === "maxout") return {kDefault: MAXOUT_K.default, kMin: MAXOUT_K.min, kMax: MAXOUT_K.max};
  if (name === "softmax") {
    const [p1, p2, p3] = core.softmax([1, 2, 3]).y;
    const [big] = core.softmax([1000, 1000, -1000]).y;
    return {p1, p2, p3, big};
  }
  const entry = catalog.find((item) => item.name === name);
  if (!entry) return {};
  const params = Object.fromEntries(entry.params.map((param) => [param.name, param.default]));
  const at0 = core.evaluate(name, params, [0]);
  const gain = bestCaseGain(core.evaluate, name, params);
  const critical = Array.from(core.criticalPoints(name, params, -10, 10));
  const criticalValue = critical.length ? core.evaluate(name, params, [critical[0]]).y[0] : NaN;
  const [rangeMin, rangeMax] = (entry.properties?.range ?? [null, null]).map((v, i) => (v === null ? (i ? Infinity : -Infinity) : v));
  const facts = {
    f0: at0.y[0],
    d0: at0.dy[0],
    maxSlope: gain.max,
    maxSlopeAt: gain.at ?? NaN,
    depth10: gain.max ** 10,
    rangeMin,
    rangeMax,
    critical: critical[0] ?? NaN,
    criticalValue,
  };
  for (const param of entry.params) facts[`param_${param.name}`] = param.default;
  return facts;
}
