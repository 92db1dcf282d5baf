// Numbers as text, for the library and the page alike (the page bundles this file; the
// library ships it beside activation-playground.mjs). Two spellings, never mixed:
// - plain: text that code reads back — the core's JSON, URL tokens, error messages. The
//   shortest round-trip decimal, and infinity as the core writes it ("inf", "-inf"; the
//   C++ side's policy::format_number), so a message reads the same from either side.
// - display: text that people read — "∞", a true minus sign, "×10ⁿ", a chosen precision.

const MINUS = "\u2212";

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

/** A readable number with `digits` significant digits: "0.25", "1.5×10⁻⁷", "∞", "−∞", "NaN". */
export function formatSignificant(v, digits = 4) {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "\u221e";
  if (v === -Infinity) return `${MINUS}\u221e`;
  if (v === 0) return "0";
  const a = Math.abs(v);
  let text;
  if (a >= 1e6 || a < 1e-4) {
    const [mantissa, exponent] = v.toExponential(digits - 1).split("e");
    text = `${trimZeros(mantissa)}\u00d710${superscript(Number(exponent))}`;
  } else {
    text = trimZeros(v.toPrecision(digits));
  }
  return text.replace("-", MINUS);
}

/** 10^exponent for display ("2.512×10⁴⁰⁰"), when the value itself would overflow a double. */
export function formatPowerOfTen(exponent, digits = 4) {
  const whole = Math.floor(exponent);
  return `${formatSignificant(10 ** (exponent - whole), digits)}\u00d710${superscript(whole)}`;
}

/** An axis label for a tick at `v` on ticks `step` apart: as many decimals as the step needs. */
export function formatTick(v, step) {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return formatSignificant(v, 2);
  const decimals = Math.max(0, Math.min(8, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals).replace("-", MINUS);
}

/** `v` rounded to `digits` significant digits, in plain text ("0.1235", "1e-7"). */
export function formatRounded(v, digits) {
  return String(Number(v.toPrecision(digits)));
}

/**
 * `decimals` fixed decimals, or exponent form with `expDigits` when |v| is below `small`
 * or at least `large` (0 stays fixed): metric read-outs whose width should not jump.
 */
export function formatFixed(v, {decimals, expDigits = decimals, small = 0, large = Infinity}) {
  const a = Math.abs(v);
  if (a !== 0 && (a < small || a >= large)) return v.toExponential(expDigits);
  return v.toFixed(decimals);
}

const SUPERSCRIPTS = {"-": "\u207b", 0: "\u2070", 1: "\u00b9", 2: "\u00b2", 3: "\u00b3", 4: "\u2074", 5: "\u2075", 6: "\u2076", 7: "\u2077", 8: "\u2078", 9: "\u2079"};

/** An integer in Unicode superscript digits, e.g. -7 -> "⁻⁷". */
export function superscript(n) {
  return String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPTS[c]);
}

function trimZeros(text) {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
