// Numbers as text that code reads back, for the library and the page alike (the page bundles
// this file; the library ships it beside activation-playground.mjs): the core's JSON, URL
// tokens, error messages, input fields. The shortest round-trip decimal, and infinity as the
// core writes it ("inf", "-inf"; the C++ side's policy::format_number), so a message reads the
// same from either side. Text that people read ("∞", a true minus sign, "×10ⁿ", the locale's
// digits) is the page's one formatting module, web/src/i18n/format.js.

/** A number for the core's JSON: finite as is, otherwise "inf" | "-inf" | "nan". */
export function encodeNumber(v) {
  if (typeof v !== "number" || Number.isFinite(v)) return v;
  if (Number.isNaN(v)) return "nan";
  return v > 0 ? "inf" : "-inf";
}

/** The inverse of encodeNumber; any other value passes unchanged. */
export function decodeNumber(v) {
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v === "nan") return NaN;
  return v;
}

/** decodeNumber applied through arrays and plain objects (parsed JSON from the core). */
export function decodeNumbers(value) {
  if (Array.isArray(value)) return value.map(decodeNumbers);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeNumbers(v)]));
  }
  return decodeNumber(value);
}

/** Plain text of a value: numbers as "0.03", "inf", "-inf", "NaN"; anything else as String() does. */
export function plainNumber(v) {
  if (typeof v !== "number") return String(v);
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return String(v);
}

/** The inverse of plainNumber for numbers ("inf", "+inf", "-inf" included); NaN when it is not one. */
export function parsePlainNumber(text) {
  const infinity = /^([-+]?)inf$/.exec(text);
  if (infinity) return infinity[1] === "-" ? -Infinity : Infinity;
  return Number(text);
}

/** `v` rounded to `digits` significant digits, in plain text ("0.1235", "1e-7"). */
export function formatRounded(v, digits) {
  return String(Number(v.toPrecision(digits)));
}
