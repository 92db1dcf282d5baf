// The explorer's chart before the core has loaded. On a slow link the .wasm takes seconds; the
// default state's chart was computed by the core at build time (scripts/explorer-preview.mjs),
// so while the explorer's state is that default, the live chart's own drawing code shows it at
// once. It is a picture: no crosshair values, no controls; the live explorer replaces it.
import {el} from "./dom.js";
import {createActivationChart} from "./activation-chart.js";
import {legendLabel} from "./legend.js";
import {CHART_KEYS, chartSettings, chartXs} from "./chart-data.js";
import {EXPLORER_PREVIEW} from "../generated/explorer-preview.js";

/** True when `state` shows exactly the chart the preview was computed for. */
export function previewMatches(state, preview = EXPLORER_PREVIEW) {
  return CHART_KEYS.every((key) => JSON.stringify(state[key]) === JSON.stringify(preview.state[key]));
}

/**
 * Draws the preview before `before` (the explorer's status line) when `state` matches it.
 * Returns {destroy()} or null when the state is not the previewed one.
 */
export function mountPreview(before, state, t, preview = EXPLORER_PREVIEW) {
  if (!previewMatches(state, preview)) return null;
  const xs = chartXs(preview.state, preview.samples);
  const canvas = el("canvas", {class: "ex-chart", attrs: {"data-testid": "activation-chart-preview", role: "img", "aria-label": t("explorer.loading")}});
  const legend = el(
    "ul",
    {class: "ex-legend"},
    preview.series.map((series) => el("li", {class: "ex-legend-item"}, [el("span", {class: "ex-legend-focus"}, legendLabel(series.slot, series.label))])),
  );
  const layout = el("div", {class: "ex-layout ex-layout--preview", attrs: {"aria-hidden": "true"}}, [
    el("div", {class: "ex-sidebar"}),
    el("div", {class: "ex-main"}, [el("div", {class: "ex-toolbar"}, [legend]), el("div", {class: "ex-chart-wrap"}, [canvas])]),
  ]);
  before.before(layout);
  const chart = createActivationChart(canvas, {});
  chart.update({
    ...chartSettings(preview.state),
    series: preview.series.map((series) => ({...series, xs, y: Float64Array.from(series.y, orNaN), dy: Float64Array.from(series.dy, orNaN)})),
    shade: preview.shade,
    probe: () => preview.series.map(() => null),
  });
  return {
    destroy() {
      chart.destroy();
      layout.remove();
    },
  };
}

const orNaN = (v) => v ?? NaN;
