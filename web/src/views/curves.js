// Line charts over epochs (loss, accuracy, gradient norms) with uPlot.
// Long runs stay fast: at most MAX_POINTS points per series are handed to uPlot.
import "uplot/dist/uPlot.min.css";
import {h, replaceChildren} from "../ui/dom.js";
import {formatAxis} from "../i18n/format.js";

export const SERIES_COLORS = ["#22262e", "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7a5c00", "#6b7280"];
const MAX_POINTS = 1200;
const EPOCH_INCREMENTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7];
// Every live chart by its container, so an app can destroy the charts it drew: uPlot keeps a
// listener on window per chart until the chart is destroyed.
const charts = new Map();

// uPlot is a chunk of its own that the page asks for at once (vite.config.js preloads it) but does
// not wait for: the render-blocking entry script stays small, and a chart asked for before
// uPlot has arrived is drawn when it does (its box already has its size).
let uPlot = null;
const waiting = new Map();
import("uplot")
  .then((module) => {
    uPlot = module.default;
    for (const [target, args] of waiting) draw(target, ...args);
    waiting.clear();
  })
  .catch((error) => console.error("curves: could not load uPlot", error));

/**
 * @param {HTMLElement} target container (the chart fills its width)
 * @param {{x: ArrayLike<number>, series: {label: string, values: ArrayLike<number>, color: number, dashed?: boolean}[]}} data
 *   color: index into SERIES_COLORS
 * @param {{height?: number, log?: boolean, range?: [number, number], format?: (v: number) => string, ariaLabel?: string}} options
 */
export function draw(target, data, options = {}) {
  if (!uPlot) {
    waiting.set(target, [data, options]);
    return;
  }
  const signature = JSON.stringify([data.series.map((s) => [s.label, s.color, Boolean(s.dashed)]), Boolean(options.log), options.range ?? null]);
  let chart = charts.get(target);
  if (!chart || chart.signature !== signature) {
    chart?.observer.disconnect();
    chart?.plot.destroy();
    chart = create(target, data, options, signature);
    charts.set(target, chart);
  }
  chart.plot.setData(prepare(data, options.log));
}

/** Destroys every chart drawn inside `container` (or into it). */
export function destroyChartsIn(container) {
  for (const target of waiting.keys()) if (container.contains(target)) waiting.delete(target);
  for (const [target, chart] of charts) {
    if (!container.contains(target)) continue;
    chart.observer.disconnect();
    chart.plot.destroy();
    charts.delete(target);
  }
}

function create(target, data, options, signature) {
  const plotBox = h("div", {class: "chart-plot", role: "img", "aria-label": options.ariaLabel ?? ""});
  const legend = h(
    "ul",
    {class: "chart-legend"},
    data.series.map((s) =>
      h("li", {}, [h("span", {class: `swatch s-${s.color}${s.dashed ? " is-dashed" : ""}`, "aria-hidden": "true"}), s.label]),
    ),
  );
  replaceChildren(target, [plotBox, legend]);
  const height = options.height ?? 150;
  const format = options.format ?? formatAxis;
  const axis = {
    stroke: "#5b6270",
    font: "11px system-ui, sans-serif",
    grid: {stroke: "rgba(34,38,46,0.08)", width: 1},
    ticks: {stroke: "rgba(34,38,46,0.15)", width: 1, size: 4},
  };
  const plot = new uPlot(
    {
      width: Math.max(120, plotBox.clientWidth || target.clientWidth || 300),
      height,
      legend: {show: false},
      cursor: {drag: {x: false, y: false}, points: {size: 5}},
      scales: {
        x: {time: false},
        y: options.log
          ? {distr: 3}
          : {range: options.range ? () => options.range : (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1]},
      },
      axes: [
        // x is an epoch count: whole-number ticks only.
        {...axis, size: 30, incrs: EPOCH_INCREMENTS, values: (u, values) => values.map((v) => (Number.isInteger(v) ? String(v) : ""))},
        {...axis, size: 46, values: (u, values) => values.map((v) => (v === null ? "" : format(v)))},
      ],
      series: [
        {},
        ...data.series.map((s) => ({
          label: s.label,
          stroke: SERIES_COLORS[s.color % SERIES_COLORS.length],
          width: 1.6,
          dash: s.dashed ? [5, 4] : undefined,
          points: {show: false},
        })),
      ],
    },
    prepare(data, options.log),
    plotBox,
  );
  const observer = new ResizeObserver(() => {
    const width = Math.max(120, plotBox.clientWidth);
    if (width !== plot.width) plot.setSize({width, height});
  });
  observer.observe(plotBox);
  return {plot, signature, observer};
}

/** Decimates to MAX_POINTS (keeping the last point) and turns non-finite values into gaps. */
function prepare(data, log) {
  const n = data.x.length;
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  const indices = [];
  for (let i = 0; i < n; i += stride) indices.push(i);
  if (n > 0 && indices[indices.length - 1] !== n - 1) indices.push(n - 1);
  const x = indices.map((i) => data.x[i]);
  const ys = data.series.map((s) =>
    indices.map((i) => {
      const v = s.values[i];
      return Number.isFinite(v) && (!log || v > 0) ? v : null;
    }),
  );
  return [x, ...ys];
}

