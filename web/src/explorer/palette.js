// Colours and line styles of the overlaid activations, and the chart theme.
// Colours live in web/styles/explorer.css as custom properties (one place to
// restyle, dark mode later); canvases read them here at draw time.

/** Dash patterns in CSS pixels, one per slot: solid, dashed, dotted, dash-dot. */
export const kSlotDashes = [[], [9, 5], [2, 4], [12, 4, 3, 4]];

/** Okabe–Ito colours, safe for the common colour-vision deficiencies. */
const kFallbackSlotColours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7"];

const kFallbackTheme = {
  background: "#ffffff",
  grid: "#e6e8eb",
  axis: "#6b7280",
  text: "#374151",
  saturation: "rgba(120, 120, 140, 0.16)",
  crosshair: "#111827",
};

/** Reads the chart colours from CSS custom properties on `element`. */
export function readTheme(element) {
  const style = getComputedStyle(element);
  const value = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    slots: kFallbackSlotColours.map((c, i) => value(`--ex-slot-${i}`, c)),
    background: value("--ex-chart-bg", kFallbackTheme.background),
    grid: value("--ex-chart-grid", kFallbackTheme.grid),
    axis: value("--ex-chart-axis", kFallbackTheme.axis),
    text: value("--ex-chart-text", kFallbackTheme.text),
    saturation: value("--ex-chart-saturation", kFallbackTheme.saturation),
    crosshair: value("--ex-chart-crosshair", kFallbackTheme.crosshair),
    font: style.fontFamily || "sans-serif",
  };
}
