// The URL hash as serialised page state, driven by a table of schema entries
// (format in README.md). Pure functions: no window, no DOM, so node tests call them.

export const STATE_VERSION = 1;

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const INT_RE = /^[-+]?\d+$/;
const DEFAULT_STRING_MAX = 200;

/** Percent-encodes a value but keeps the characters that read well in a link. */
export function encodeValue(text) {
  return encodeURIComponent(text).replace(/%2C/g, ",").replace(/%3A/g, ":").replace(/%3B/g, ";");
}

function decodeValue(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/**
 * Reads one scalar (or list) value from its text. Returns {value} or {reason}
 * where reason is "malformed" or "out-of-range".
 */
export function parseValue(spec, text) {
  switch (spec.type) {
    case "number": {
      if (!NUMBER_RE.test(text)) return {reason: "malformed"};
      const value = Number(text);
      if (!Number.isFinite(value)) return {reason: "malformed"};
      return inRange(spec, value) ? {value} : {reason: "out-of-range"};
    }
    case "int": {
      if (!INT_RE.test(text)) return {reason: "malformed"};
      const value = Number(text);
      if (!Number.isSafeInteger(value)) return {reason: "out-of-range"};
      return inRange(spec, value) ? {value: value === 0 ? 0 : value} : {reason: "out-of-range"};
    }
    case "bool":
      if (text === "1" || text === "true") return {value: true};
      if (text === "0" || text === "false") return {value: false};
      return {reason: "malformed"};
    case "enum":
      return spec.values.includes(text) ? {value: text} : {reason: "malformed"};
    case "string":
      if (text.length > (spec.maxLength ?? DEFAULT_STRING_MAX)) return {reason: "out-of-range"};
      if (spec.pattern && !wholeMatch(spec.pattern, text)) return {reason: "malformed"};
      return {value: text};
    case "list": {
      const items = text === "" ? [] : text.split(",");
      if (items.length < (spec.minLength ?? 0) || items.length > (spec.maxLength ?? Infinity)) {
        return {reason: "out-of-range"};
      }
      const values = [];
      for (const item of items) {
        const parsed = parseValue(spec.item, item);
        if (parsed.reason) return parsed;
        values.push(parsed.value);
      }
      return {value: Object.freeze(values)};
    }
    default:
      return {reason: "malformed"};
  }
}

function inRange(spec, value) {
  const aboveMin = spec.min === undefined || value > spec.min || (value === spec.min && !spec.minExclusive);
  return aboveMin && (spec.max === undefined || value <= spec.max);
}

function wholeMatch(pattern, text) {
  const match = pattern.exec(text);
  return match !== null && match.index === 0 && match[0].length === text.length;
}

/** Writes one value as text (the inverse of parseValue). */
export function formatValue(spec, value) {
  switch (spec.type) {
    case "number":
    case "int":
      return String(value);
    case "bool":
      return value ? "1" : "0";
    case "list":
      return value.map((item) => formatValue(spec.item, item)).join(",");
    default:
      return String(value);
  }
}

/** True when `value` is a valid value for `spec` (what parse could have produced). */
export function isValid(spec, value) {
  switch (spec.type) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) && inRange(spec, value);
    case "int":
      return Number.isSafeInteger(value) && inRange(spec, value);
    case "bool":
      return typeof value === "boolean";
    case "enum":
      return spec.values.includes(value);
    case "string":
      return (
        typeof value === "string" &&
        value.length <= (spec.maxLength ?? DEFAULT_STRING_MAX) &&
        (!spec.pattern || wholeMatch(spec.pattern, value))
      );
    case "list":
      return (
        Array.isArray(value) &&
        value.length >= (spec.minLength ?? 0) &&
        value.length <= (spec.maxLength ?? Infinity) &&
        value.every((item) => isValid(spec.item, item) && !(typeof item === "string" && (item === "" || item.includes(","))))
      );
    default:
      return false;
  }
}

/** The state made of every entry's default. */
export function defaultState(schema) {
  const state = {};
  for (const entry of schema) state[entry.key] = freezeValue(entry.default);
  return Object.freeze(state);
}

function freezeValue(value) {
  return Array.isArray(value) ? Object.freeze([...value]) : value;
}

/**
 * Parses a URL hash ("#v=1&a=1&b=x" or without "#") into a full state. Never throws:
 * anything unknown, malformed or out of range falls back to the default and is
 * reported in `notices` as {key, value, reason}.
 */
export function parse(hash, schema) {
  const byKey = new Map(schema.map((entry) => [entry.key, entry]));
  const state = {};
  for (const entry of schema) state[entry.key] = freezeValue(entry.default);
  const notices = [];
  const text = typeof hash === "string" ? hash.replace(/^#/, "") : "";
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = decodeValue(eq < 0 ? part : part.slice(0, eq));
    const raw = eq < 0 ? "" : part.slice(eq + 1);
    const value = decodeValue(raw);
    if (key === "v") {
      if (value !== String(STATE_VERSION)) notices.push({key, value: value ?? raw, reason: "version"});
      continue;
    }
    const entry = key === null ? undefined : byKey.get(key);
    if (!entry) {
      notices.push({key: key ?? part, value: value ?? raw, reason: "unknown-key"});
      continue;
    }
    if (value === null) {
      notices.push({key, value: raw, reason: "malformed"});
      state[key] = freezeValue(entry.default);
      continue;
    }
    const parsed = parseValue(entry, value);
    if (parsed.reason) {
      notices.push({key, value, reason: parsed.reason});
      state[key] = freezeValue(entry.default);
    } else {
      state[key] = parsed.value;
    }
  }
  return {state: Object.freeze(state), notices};
}

/**
 * Writes every entry of `state` (defaults for missing or invalid values) as a hash without "#";
 * an entry marked omitDefault (how an embed presents itself) only when it differs from its default.
 */
export function serialize(state, schema) {
  const parts = [`v=${STATE_VERSION}`];
  for (const entry of schema) {
    const value = state && isValid(entry, state[entry.key]) ? state[entry.key] : entry.default;
    if (entry.omitDefault && formatValue(entry, value) === formatValue(entry, entry.default)) continue;
    parts.push(`${entry.key}=${encodeValue(formatValue(entry, value))}`);
  }
  return parts.join("&");
}

/**
 * Keeps only the valid keys of `partial`; returns {values, rejected} so a caller can
 * refuse a bad value instead of storing it.
 */
export function sanitize(partial, schema) {
  const byKey = new Map(schema.map((entry) => [entry.key, entry]));
  const values = {};
  const rejected = [];
  for (const [key, value] of Object.entries(partial)) {
    const entry = byKey.get(key);
    if (entry && isValid(entry, value)) values[key] = freezeValue(value);
    else rejected.push(key);
  }
  return {values, rejected};
}

/** Checks a schema table for the mistakes that would break parse/serialize. Returns a list of problems. */
export function checkSchema(schema) {
  const problems = [];
  const seen = new Set();
  for (const entry of schema) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(entry.key ?? "")) problems.push(`bad key ${entry.key}`);
    if (entry.key === "v") problems.push("key v is reserved for the version");
    if (seen.has(entry.key)) problems.push(`duplicate key ${entry.key}`);
    seen.add(entry.key);
    if (!isValid(entry, entry.default)) problems.push(`default of ${entry.key} is not valid`);
    if (entry.type === "list" && (!entry.item || entry.item.type === "list")) problems.push(`list ${entry.key} needs a scalar item`);
  }
  return problems;
}
