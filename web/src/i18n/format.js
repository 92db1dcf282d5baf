// Numbers as people read them, for the whole page: one module, Intl.NumberFormat for the
// locale. It also decides how the awkward values are written, the same way everywhere:
//   ∞ and −∞; NaN; a true minus sign (U+2212); tiny and huge values as 1.5×10⁻⁷;
//   a mean ± spread with both written to the same decimal place, so a spread far below the
//   mean's precision reads "0.58 ± 0.00", never "0.58 ± 2.2e-16".
// Text that code reads back (URLs, the core's JSON, input fields) is not for this module: see
// web/lib/number-format.mjs (plainNumber).

const MINUS = "\u2212";
const TIMES = "\u00d7";
const SUPERSCRIPTS = {"-": "\u207b", 0: "\u2070", 1: "\u00b9", 2: "\u00b2", 3: "\u00b3", 4: "\u2074", 5: "\u2075", 6: "\u2076", 7: "\u2077", 8: "\u2078", 9: "\u2079"};

let pageLocale = "en";
const formatters = new Map();

/** The locale numbers are written in (the i18n layer sets it when the language changes). */
export function setNumberLocale(locale) {
  pageLocale = locale;
}

function formatter(options, locale = pageLocale) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, options);
    formatters.set(key, nf);
  }
  return nf;
}

/** Intl's text with a true minus sign. */
function intl(v, options, locale) {
  return formatter(options, locale).format(v).replace(/\u002d/g, MINUS);
}

/** ∞, −∞ or NaN for a non-finite value, else null. */
function special(v) {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "\u221e";
  if (v === -Infinity) return `${MINUS}\u221e`;
  return null;
}

/** An integer in Unicode superscript digits, e.g. -7 -> "⁻⁷". */
export function superscript(n) {
  return String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPTS[c]);
}

/** mantissa×10ⁿ with `digits` significant digits in the mantissa (trailing zeros kept when `fixed`). */
function scientific(v, digits, locale, fixed = false) {
  const [mantissa, exponent] = v.toExponential(Math.max(0, digits - 1)).split("e");
  const options = fixed ? {minimumFractionDigits: digits - 1, maximumFractionDigits: digits - 1} : {maximumSignificantDigits: digits};
  return `${intl(Number(mantissa), options, locale)}${TIMES}10${superscript(Number(exponent))}`;
}

/** A readable number with up to `digits` significant digits: "0.25", "1.5×10⁻⁷", "∞", "−∞", "NaN". */
export function formatSignificant(v, digits = 4, locale) {
  const word = special(v);
  if (word) return word;
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return scientific(v, digits, locale);
  return intl(v, {maximumSignificantDigits: digits, useGrouping: false}, locale);
}

/** 10^exponent for display ("2.512×10⁴⁰⁰"), when the value itself would overflow a double. */
export function formatPowerOfTen(exponent, digits = 4, locale) {
  const whole = Math.floor(exponent);
  return `${formatSignificant(10 ** (exponent - whole), digits, locale)}${TIMES}10${superscript(whole)}`;
}

/** An axis label for a tick at `v` on ticks `step` apart: as many decimals as the step needs. */
export function formatTick(v, step, locale) {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return formatSignificant(v, 2, locale);
  const decimals = Math.max(0, Math.min(8, -Math.floor(Math.log10(step) + 1e-9)));
  return intl(v, {minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false}, locale);
}

/** A chart tick where only the value is known: three significant digits, exponent form outside [10⁻³, 10⁴). */
export function formatAxis(v, locale) {
  const word = special(v);
  if (word) return word;
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e4 || a < 1e-3)) return scientific(v, 1, locale);
  return intl(v, {maximumSignificantDigits: 3, useGrouping: false}, locale);
}

/**
 * `decimals` fixed decimals, or exponent form with `expDigits` decimals when |v| is below `small`
 * or at least `large` (0 stays fixed): read-outs whose width should not jump.
 */
export function formatFixed(v, {decimals, expDigits = decimals, small = 0, large = Infinity}, locale) {
  const word = special(v);
  if (word) return word;
  const a = Math.abs(v);
  if (a !== 0 && (a < small || a >= large)) return scientific(v, expDigits + 1, locale, true);
  return intl(v, {minimumFractionDigits: decimals, maximumFractionDigits: decimals}, locale);
}

/** A share in [0, 1] as a percentage: 0.583 -> "58%" (decimals 0) or "58.3%" (decimals 1). */
export function formatPercent(share, decimals = 0, locale) {
  const word = special(share);
  if (word) return word;
  return intl(share, {style: "percent", minimumFractionDigits: decimals, maximumFractionDigits: decimals}, locale);
}

/** A whole number with the locale's grouping: 4200 -> "4,200". */
export function formatInteger(n, locale) {
  const word = special(n);
  if (word) return word;
  return intl(n, {maximumFractionDigits: 0}, locale);
}

/**
 * Mean ± spread, both to the same decimal place: enough decimals for `digits` significant
 * digits of the larger magnitude (at most 6), and exponent form for both when everything is
 * tiny or huge. "0.58 ± 0.00" says the spread is below 0.005; "0.58 ± 2.2e-16" said nothing more.
 */
export function formatSpread(mean, spread, digits = 2, locale) {
  const words = [special(mean), special(spread)];
  if (words[0] || words[1]) return `${words[0] ?? formatSignificant(mean, digits, locale)} \u00b1 ${words[1] ?? formatSignificant(spread, digits, locale)}`;
  const scale = Math.max(Math.abs(mean), Math.abs(spread));
  if (scale !== 0 && (scale < 1e-3 || scale >= 1e4)) {
    const exponent = Math.floor(Math.log10(scale));
    const unit = 10 ** exponent;
    const decimals = Math.max(0, digits - 1);
    const part = (v) => intl(v / unit, {minimumFractionDigits: decimals, maximumFractionDigits: decimals}, locale);
    return `(${part(mean)} \u00b1 ${part(spread)})${TIMES}10${superscript(exponent)}`;
  }
  const decimals = scale === 0 ? 0 : Math.max(0, Math.min(6, digits - 1 - Math.floor(Math.log10(scale))));
  const part = (v) => {
    const text = intl(v, {minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false}, locale);
    return text === `${MINUS}${intl(0, {minimumFractionDigits: decimals, maximumFractionDigits: decimals}, locale)}` ? text.slice(1) : text;
  };
  return `${part(mean)} \u00b1 ${part(spread)}`;
}
