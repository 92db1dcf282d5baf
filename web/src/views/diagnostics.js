// Per-layer diagnostics: gradient norm over time (log scale), dead / saturated /
// same-sign fractions, activation statistics, histograms and learned parameters.
// Every measure carries a one-line explanation shown on hover and on focus.
import {fixedCanvas, h, replaceIfChanged, setText} from "../ui/dom.js";
import {formatPercent, formatSignificant, formatSpread} from "../i18n/format.js";
import {INK, rgb} from "../ui/palette.js";
import {SERIES_COLORS, draw as drawCurves} from "./curves.js";
import {tip} from "../ui/icons.js";

const panels = new WeakMap();
const COLUMNS = ["dead", "saturated", "sameSign", "activation", "preActivation", "histogram"];

/**
 * @param {HTMLElement} target
 * @param {{stats: object[] | null, learned: object[] | null, gradHistory: {x: number[], layers: number[][]}, layerNames: string[],
 *   catalogLabels: Map<string, string>, acts: string[]}} data
 * @param {{t: Function}} options
 */
export function draw(target, data, options) {
  let panel = panels.get(target);
  if (!panel) {
    panel = create(target, options);
    panels.set(target, panel);
  }
  const {t} = options;
  const names = data.layerNames;
  drawCurves(
    panel.chart,
    {x: data.gradHistory.x, series: names.map((label, i) => ({label, values: data.gradHistory.layers[i] ?? [], color: i % SERIES_COLORS.length}))},
    {height: 150, log: true, ariaLabel: t("classifier.diag.gradNormTitle")},
  );
  const rowsKey = names.join("|");
  if (panel.rowsKey !== rowsKey) {
    panel.rowsKey = rowsKey;
    panel.rows = names.map((name) => makeRow(name, COLUMNS.map((column) => t(`classifier.diag.${column}`))));
    panel.tbody.replaceChildren(...panel.rows.map((row) => row.tr));
  }
  const stats = data.stats ?? [];
  panel.rows.forEach((row, i) => fillRow(row, stats[i], t));
  drawLearned(panel.learned, data.learned ?? [], names, t);
}

function create(target, options) {
  const {t} = options;
  const chart = h("div", {class: "chart"});
  const tbody = h("tbody");
  const head = h(
    "tr",
    {},
    [h("th", {scope: "col", text: t("classifier.diag.layer")})].concat(
      COLUMNS.map((column) => h("th", {scope: "col"}, [h("span", {class: "th-text", text: t(`classifier.diag.${column}`)}), tip(t(`classifier.diag.${column}Help`), t)])),
    ),
  );
  const learned = h("div", {class: "learned"});
  target.replaceChildren(
    h("div", {class: "diag-chart"}, [
      h("div", {class: "subhead"}, [h("h4", {text: t("classifier.diag.gradNormTitle")}), tip(t("classifier.diag.gradNormHelp"), t)]),
      chart,
    ]),
    h("div", {class: "table-scroll"}, [h("table", {class: "diag-table"}, [h("thead", {}, [head]), tbody])]),
    h("div", {class: "subhead"}, [h("h4", {text: t("classifier.diag.learnedTitle")}), tip(t("classifier.diag.learnedHelp"), t)]),
    learned,
  );
  return {chart, tbody, learned, rows: [], rowsKey: ""};
}

/** An info button whose explanation shows on hover and on keyboard focus (CSS only). */
function makeRow(name, labels) {
  // Dead and saturated units are bad news above a quarter and a half of the layer.
  const meter = (neutral) => h("meter", {min: 0, max: 1, value: 0, low: 0.25, high: 0.5, optimum: 0, class: neutral ? "is-neutral" : null});
  const row = {
    dead: {meter: meter(false), text: h("span", {class: "num"})},
    saturated: {meter: meter(false), text: h("span", {class: "num"})},
    sameSign: {meter: meter(true), text: h("span", {class: "num"})},
    activation: h("span", {class: "num"}),
    preActivation: h("span", {class: "num"}),
    histogram: h("canvas", {class: "histogram", width: 1, height: 1}),
  };
  const fraction = (cell, i) => h("td", {"data-label": labels[i]}, [h("div", {class: "fraction"}, [cell.meter, cell.text])]);
  row.tr = h("tr", {}, [
    h("th", {scope: "row", text: name}),
    fraction(row.dead, 0),
    fraction(row.saturated, 1),
    fraction(row.sameSign, 2),
    h("td", {"data-label": labels[3]}, [row.activation]),
    h("td", {"data-label": labels[4]}, [row.preActivation]),
    h("td", {"data-label": labels[5]}, [row.histogram]),
  ]);
  return row;
}

function fillRow(row, stat, t) {
  const dash = "–";
  for (const key of ["dead", "saturated", "sameSign"]) {
    const value = stat?.[`${key}Fraction`];
    const ok = Number.isFinite(value);
    const shown = ok ? value : 0;
    if (row[key].meter.value !== shown) row[key].meter.value = shown;
    setText(row[key].text, ok ? formatPercent(value) : dash);
  }
  setText(row.activation, stat ? meanStd(stat.actMean, stat.actStd, t) : dash);
  setText(row.preActivation, stat ? meanStd(stat.preActMean, stat.preActStd, t) : dash);
  drawHistogram(row.histogram, stat?.histogram);
}

function meanStd(mean, std, t) {
  if (!Number.isFinite(mean) || !Number.isFinite(std)) return t("classifier.divergedValue");
  // Both to the same decimal place: a spread far below the mean's precision reads "± 0.00".
  return formatSpread(mean, std, 2);
}

function drawHistogram(canvas, histogram) {
  const width = 96;
  const height = 28;
  const ctx = fixedCanvas(canvas, width, height, 2);
  ctx.clearRect(0, 0, width, height);
  if (!histogram?.counts?.length) return;
  const counts = histogram.counts;
  let max = 0;
  for (const c of counts) max = Math.max(max, c);
  if (max === 0) return;
  const bar = width / counts.length;
  ctx.fillStyle = SERIES_COLORS[1];
  for (let i = 0; i < counts.length; i++) {
    const barHeight = (counts[i] / max) * (height - 2);
    ctx.fillRect(i * bar + 0.5, height - barHeight, Math.max(1, bar - 1), barHeight);
  }
  ctx.strokeStyle = rgb(INK, 0.3);
  ctx.beginPath();
  ctx.moveTo(0, height - 0.5);
  ctx.lineTo(width, height - 0.5);
  ctx.stroke();
  canvas.setAttribute("title", `${formatSignificant(histogram.lo, 3)} … ${formatSignificant(histogram.hi, 3)}`);
}

function drawLearned(target, learned, names, t) {
  const key = JSON.stringify(learned.map((p) => [p.layer, p.name, p.values.length]));
  replaceIfChanged(target, key, () =>
    learned.length === 0
      ? [h("p", {class: "hint", text: t("classifier.diag.noLearned")})]
      : learned.map((p) =>
          h("div", {class: "learned-row"}, [
            h("span", {class: "learned-name", text: t("classifier.diag.learnedParam", {layer: names[p.layer] ?? p.layer, name: p.name})}),
            h("span", {class: "num learned-values"}),
            h("canvas", {class: "learned-bars", width: 1, height: 1}),
          ]),
        ),
  );
  learned.forEach((p, i) => {
    const row = target.children[i];
    if (!row) return;
    const values = p.values;
    const min = Math.min(...values);
    const max = Math.max(...values);
    setText(row.children[1], values.length === 1 ? formatSignificant(values[0], 3) : `${formatSignificant(min, 3)} … ${formatSignificant(max, 3)}`);
    drawBars(row.children[2], values);
  });
}

function drawBars(canvas, values) {
  const width = 160;
  const height = 24;
  const ctx = fixedCanvas(canvas, width, height, 2);
  ctx.clearRect(0, 0, width, height);
  const scale = Math.max(1e-9, ...values.map((v) => Math.abs(v)).filter(Number.isFinite));
  const bar = width / values.length;
  const mid = height / 2;
  values.forEach((v, i) => {
    const barHeight = (Number.isFinite(v) ? v / scale : 0) * (mid - 1);
    ctx.fillStyle = v >= 0 ? SERIES_COLORS[1] : SERIES_COLORS[2];
    ctx.fillRect(i * bar + 0.5, Math.min(mid, mid - barHeight), Math.max(1, bar - 1), Math.abs(barHeight) || 1);
  });
}
