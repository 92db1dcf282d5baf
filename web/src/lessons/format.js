// How a measurement's numbers read in the lesson panel (the result names each column's format).
import {formatFixed, formatInteger, formatPercent, formatSignificant} from "../i18n/format.js";

/** One value as text; t reads messages (for "message" values such as "before"). */
export function formatValue(value, format, t) {
  if (value === null || value === undefined) return t("lessons.none-value");
  if (typeof value === "number" && !Number.isFinite(value)) return formatSignificant(value);
  switch (format) {
    case "text":
      return String(value);
    case "message":
      return t(`lessons.common.values.${value}`);
    case "percent":
      return formatPercent(value, 1);
    case "fixed2":
      return formatFixed(value, {decimals: 2});
    case "fixed3":
      return formatFixed(value, {decimals: 3});
    case "fixed4":
      return formatFixed(value, {decimals: 4});
    case "int":
      return formatInteger(Math.round(value));
    case "exp":
      return formatSignificant(value, 3);
    default:
      return typeof value === "number" ? formatSignificant(value, 4) : String(value);
  }
}

/** A verdict's vars as text, each in its declared format (plain text when none). */
export function verdictVars(verdict, t) {
  return Object.fromEntries(Object.entries(verdict.vars ?? {}).map(([key, value]) => [key, typeof value === "number" ? formatValue(value, verdict.formats?.[key] ?? "number", t) : String(value)]));
}
