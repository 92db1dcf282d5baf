// A hidden layer's activation as one URL-safe token:
//   name                      e.g. "tanh"
//   name(param:value;...)     e.g. "leaky_relu(negative_slope:0.2)", "softplus(beta:2;threshold:inf)"
//   with "learn:0" to freeze learnable parameters, and "maxout(k:3)" for maxout.
// Pure functions; the catalog check happens once the core has loaded.
import {CONFIG_SCHEMA} from "../generated/config-schema.js";
import {parsePlainNumber, plainNumber} from "../../lib/number-format.mjs";

const NUM = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?inf";
const PAIR = `[a-z_][a-z0-9_]*:(?:${NUM})`;
export const ACTIVATION_PATTERN = new RegExp(`^[a-z][a-z0-9_]*(?:\\((?:${PAIR})(?:;${PAIR})*\\))?$`);

export const MAXOUT = "maxout";
/** Maxout's k as the core allows it: {type, min, max, default}. */
export const MAXOUT_K = CONFIG_SCHEMA.find((key) => key.name === "activation").maxout.k;

/** "leaky_relu(negative_slope:0.2)" -> {name, params: {negative_slope: 0.2}, learn: true}; null when malformed. */
export function parseActivation(token) {
  if (typeof token !== "string" || !ACTIVATION_PATTERN.test(token)) return null;
  const open = token.indexOf("(");
  const name = open < 0 ? token : token.slice(0, open);
  const params = {};
  let learn = true;
  if (open >= 0) {
    for (const pair of token.slice(open + 1, -1).split(";")) {
      const [key, text] = pair.split(":");
      const value = parsePlainNumber(text);
      if (key === "learn") learn = value !== 0;
      else params[key] = value;
    }
  }
  return {name, params, learn};
}

/** The inverse of parseActivation; parameters in the given order (catalog order when known). */
export function formatActivation({name, params = {}, learn = true}, order) {
  const keys = order ? order.filter((key) => key in params) : Object.keys(params);
  const pairs = keys.map((key) => `${key}:${plainNumber(params[key])}`);
  if (!learn) pairs.push("learn:0");
  return pairs.length ? `${name}(${pairs.join(";")})` : name;
}

/**
 * Checks a parsed activation against the catalog (core.activations()).
 * Returns {spec} with defaults filled in, or {reason} naming what is wrong in English, with
 * `code` and `details` for the page to say it in the reader's language (the core's error codes).
 */
export function resolveActivation(parsed, catalog) {
  if (!parsed) return {reason: "malformed", code: "malformed"};
  if (parsed.name === MAXOUT) {
    const k = parsed.params.k ?? MAXOUT_K.default;
    const extra = Object.keys(parsed.params).filter((key) => key !== "k");
    if (extra.length) return {reason: `unknown parameter ${extra[0]}`, code: "unknown-param", details: {activation: MAXOUT, param: extra[0]}};
    if (!Number.isInteger(k) || k < MAXOUT_K.min || k > MAXOUT_K.max) {
      return {reason: "k out of range", code: "param-out-of-range", details: {activation: MAXOUT, param: "k", min: MAXOUT_K.min, max: MAXOUT_K.max, value: k}};
    }
    return {spec: {name: MAXOUT, params: {k}, learn: true}};
  }
  const entry = catalog.find((item) => item.name === parsed.name);
  if (!entry) return {reason: "unknown activation", code: "unknown-activation", details: {activation: parsed.name}};
  const params = {};
  for (const param of entry.params) {
    const value = parsed.params[param.name] ?? param.default;
    if (!(value >= param.min && value <= param.max)) {
      return {reason: `${param.name} out of range`, code: "param-out-of-range", details: {activation: parsed.name, param: param.name, min: param.min, max: param.max, value}};
    }
    params[param.name] = value;
  }
  const extra = Object.keys(parsed.params).filter((key) => !entry.params.some((p) => p.name === key));
  if (extra.length) return {reason: `unknown parameter ${extra[0]}`, code: "unknown-param", details: {activation: parsed.name, param: extra[0]}};
  return {spec: {name: parsed.name, params, learn: parsed.learn}};
}

/** The token written to the URL for a resolved spec: parameters equal to their default are left out. */
export function compactActivation(spec, catalog) {
  if (spec.name === MAXOUT) return spec.params.k === MAXOUT_K.default ? "maxout" : `maxout(k:${spec.params.k})`;
  const entry = catalog.find((item) => item.name === spec.name);
  const params = {};
  for (const param of entry?.params ?? []) {
    if (spec.params[param.name] !== undefined && spec.params[param.name] !== param.default) {
      params[param.name] = spec.params[param.name];
    }
  }
  const learnable = entry?.params.some((param) => param.learnable);
  return formatActivation({name: spec.name, params, learn: learnable ? spec.learn : true}, entry?.params.map((p) => p.name));
}

/** The core as the judge of a parameter set (ranges and relations between parameters): one trial point; its error, or null. */
export function coreRefusal(core, name, params) {
  try {
    core.evaluate(name, params, [0]);
    return null;
  } catch (error) {
    return error;
  }
}
