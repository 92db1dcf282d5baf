// A measurement's small line chart (SVG): one line per series over the distinct x values,
// evenly spaced (depths 1..5, widths 1..64), y on [0, 1] (accuracies). Draws what it is given.
//   spec {x, y, series}: y one column, series the column that names each line; or
//   spec {x, y: [columns]}: one line per listed column.
import {s} from "../ui/dom.js";
import {formatPercent} from "../i18n/format.js";

const WIDTH = 420;
const HEIGHT = 200;
const PAD = {left: 44, right: 90, top: 10, bottom: 42};

/** [{name, points: [[x, y]]}] from the rows, by the spec. */
export function chartSeries(rows, spec) {
  if (Array.isArray(spec.y)) return spec.y.map((key) => ({name: key, points: rows.map((row) => [row[spec.x], row[key]])}));
  const names = [...new Set(rows.map((row) => row[spec.series]))];
  return names.map((name) => ({name, points: rows.filter((row) => row[spec.series] === name).map((row) => [row[spec.x], row[spec.y]])}));
}

export function drawChart(rows, spec, {label, xLabel, seriesLabel}) {
  const series = chartSeries(rows, spec);
  const xs = [...new Set(series.flatMap((line) => line.points.map(([x]) => x)))];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const px = (x) => PAD.left + (xs.length > 1 ? (xs.indexOf(x) / (xs.length - 1)) * plotW : plotW / 2);
  const py = (y) => PAD.top + (1 - y) * plotH;
  const children = [];
  for (const tick of [0, 0.5, 1]) {
    children.push(s("line", {class: "lesson-chart-grid", x1: PAD.left, x2: PAD.left + plotW, y1: py(tick), y2: py(tick)}));
    children.push(s("text", {class: "lesson-chart-tick", x: PAD.left - 6, y: py(tick) + 4, "text-anchor": "end"}, [formatPercent(tick)]));
  }
  for (const x of xs) children.push(s("text", {class: "lesson-chart-tick", x: px(x), y: HEIGHT - PAD.bottom + 16, "text-anchor": "middle"}, [String(x)]));
  children.push(s("text", {class: "lesson-chart-tick", x: PAD.left + plotW / 2, y: HEIGHT - 6, "text-anchor": "middle"}, [xLabel]));
  series.forEach((line, index) => {
    const points = line.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(" ");
    children.push(s("polyline", {class: `lesson-chart-line lesson-chart-line--${index}`, points}));
    // The legend stacks at the right, so names of lines that end close together never overlap.
    const legendY = PAD.top + 10 + index * 16;
    children.push(s("line", {class: `lesson-chart-line lesson-chart-line--${index}`, x1: WIDTH - PAD.right + 12, x2: WIDTH - PAD.right + 26, y1: legendY - 4, y2: legendY - 4}));
    children.push(s("text", {class: `lesson-chart-name lesson-chart-name--${index}`, x: WIDTH - PAD.right + 30, y: legendY}, [seriesLabel(line.name)]));
  });
  return s("svg", {class: "lesson-chart", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": label}, children);
}
