// The <activation-playground> element's attributes and the app's state keys, both ways. Pure
// (no DOM), so node tests check the mapping. An attribute carries its key's URL text, so the
// URL schema validates both alike: <activation-playground layers="8,8"> is #hidden=8,8.
import {pageSchema} from "../state/schema.js";
import {encodeValue, parse, serialize} from "../state/url.js";
import {parseActivation} from "../state/activation-spec.js";
import {langOfTag} from "../i18n/locale.js";
import {encodeParams} from "../explorer/model.js";

/** Readable names for keys whose URL names are terse or clash with HTML (hidden is a global attribute). */
const RENAMED = {
  hidden: "layers",
  act: "activations",
  lr: "learning-rate",
  opt: "optimizer",
  batch: "batch-size",
  epf: "epochs-per-frame",
  train: "train-fraction",
  reg: "regularization",
  regRate: "regularization-rate",
  std: "standardize",
  initScale: "init-scale",
  biasInit: "bias-init",
  compareAct: "compare-activation",
  hsLayer: "hidden-space-layer",
  hsU: "hidden-space-x",
  hsV: "hidden-space-y",
  addClass: "add-class",
  showTest: "show-test",
  exFns: "functions",
  exParams: "function-params",
  exActive: "active-function",
  exXMin: "x-min",
  exXMax: "x-max",
  exShowF: "show-value",
  exShowDf: "show-derivative",
  exSatThreshold: "saturation-threshold",
  exDepth: "depth",
};

/** The element is always an embed; these keys are not attributes of their own. */
const IMPLIED = new Set(["embed"]);

/** activation="gelu": every hidden layer's activation and the chart's function at once. */
export const SHORTHAND = "activation";

/** Attributes any element may carry; they never mean state. */
const GLOBAL_ATTRIBUTES = new Set(["id", "class", "style", "title", "slot", "part", "tabindex", "dir", "translate", "is", "inert", "role", "hidden", "nonce", "autofocus", "exportparts"]);

const kebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const entries = pageSchema.filter((entry) => !IMPLIED.has(entry.key));
/** attribute name -> state key, for every state key. */
export const KEY_OF_ATTRIBUTE = Object.freeze(Object.fromEntries(entries.map((entry) => [RENAMED[entry.key] ?? kebab(entry.key), entry.key])));
/** state key -> attribute name. */
export const ATTRIBUTE_OF_KEY = Object.freeze(Object.fromEntries(Object.entries(KEY_OF_ATTRIBUTE).map(([name, key]) => [key, name])));
/** What the element observes. */
export const OBSERVED_ATTRIBUTES = Object.freeze([SHORTHAND, ...Object.keys(KEY_OF_ATTRIBUTE)]);

/** Whether an attribute is the element's business (a state key or the shorthand), or plainly not (global, aria-*, data-*). */
function kindOf(name) {
  if (name === SHORTHAND || name in KEY_OF_ATTRIBUTE) return "state";
  if (GLOBAL_ATTRIBUTES.has(name) || name.startsWith("aria-") || name.startsWith("data-") || name.startsWith("on")) return "global";
  return "unknown";
}

/**
 * The URL text ("key=value&…", without "#") for a set of attributes ([[name, value]] or an
 * element's NamedNodeMap). Unknown attributes are left out and reported through `warn`.
 */
export function hashFromAttributes(attributes, {warn = console.warn} = {}) {
  const pairs = Array.from(attributes, (attribute) => (Array.isArray(attribute) ? attribute : [attribute.name, attribute.value]));
  const parts = [];
  const given = new Map(pairs);
  for (const [name, value] of pairs) {
    const kind = kindOf(name);
    if (kind === "unknown") warn(`<activation-playground>: unknown attribute "${name}" is ignored`);
    if (kind !== "state") continue;
    if (name === SHORTHAND) parts.push(...shorthandParts(value, given));
    // lang takes any BCP 47 tag, as HTML's lang does: lang="zh-CN", "zh-Hant" and "zh" all mean Chinese.
    else if (name === "lang") parts.push(`lang=${encodeValue(langOfTag(value) ?? value)}`);
    else parts.push(`${KEY_OF_ATTRIBUTE[name]}=${encodeValue(value)}`);
  }
  return parts.join("&");
}

/**
 * The state partial for attributes, validated by the URL schema: {state, notices}, where state
 * holds only the keys the attributes set and notices says what was refused and why.
 */
export function stateFromAttributes(attributes, options) {
  const hash = hashFromAttributes(attributes, options);
  const {state, notices} = parse(hash, pageSchema);
  const set = new Set(hash.split("&").filter(Boolean).map((part) => part.slice(0, part.indexOf("="))));
  for (const notice of notices) set.delete(notice.key);
  return {state: Object.fromEntries([...set].map((key) => [key, state[key]])), notices};
}

/**
 * The attributes that reproduce `state` (only the keys that differ from their defaults), for
 * the embed snippet: [[name, value]].
 */
export function attributesFromState(state) {
  const defaults = parse("", pageSchema).state;
  const written = new URLSearchParams(serialize(state, pageSchema));
  const plain = new URLSearchParams(serialize(defaults, pageSchema));
  const out = [];
  for (const [key, value] of written) {
    if (key === "v" || IMPLIED.has(key) || !(key in ATTRIBUTE_OF_KEY)) continue;
    if (plain.get(key) !== value) out.push([ATTRIBUTE_OF_KEY[key], value]);
  }
  return out;
}

/** activation="leaky_relu(negative_slope:0.2)" sets every layer's token and the chart's function with its parameters. */
function shorthandParts(token, given) {
  const parsed = parseActivation(token);
  if (!parsed) return [`act=${encodeValue(token)}`];
  const layerCount = given.has("layers") ? given.get("layers").split(",").filter(Boolean).length : parse("", pageSchema).state.hidden.length;
  const paramText = encodeParams(parsed.params);
  const parts = [];
  if (!given.has("activations")) parts.push(`act=${encodeValue(Array.from({length: layerCount}, () => token).join(","))}`);
  if (!given.has("functions")) parts.push(`exFns=${encodeValue(parsed.name)}`, `exParams=${encodeValue(paramText)}`);
  return parts;
}
