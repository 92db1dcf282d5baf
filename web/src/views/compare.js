// Compare mode: the same data, seed and network with a second activation, side by side:
// both decision boundaries and both loss curves.
import {h, setText, uid} from "../ui/dom.js";
import {draw as drawPicker} from "./activation-picker.js";
import {draw as drawBoundary} from "./boundary.js";
import {draw as drawCurves} from "./curves.js";
import {formatLoss} from "./metrics.js";

const views = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{enabled: boolean, token: string, catalog: object[], labelA: string, labelB: string,
 *   a: object | null, b: object | null, boundary: object}} data
 *   a/b: frame snapshots ({grid, gridSize, metrics, history}); boundary: shared boundary data (points, classes, …);
 *   charts: false skips the loss chart this time (the caller throttles it)
 * @param {{t: Function, onToggle: (on: boolean) => void, onActivation: (token: string) => void}} options
 */
export function draw(target, data, options) {
  let view = views.get(target);
  if (!view) {
    view = create(target, options);
    views.set(target, view);
  }
  view.options = options;
  const {t} = options;
  if (view.toggle.checked !== data.enabled) view.toggle.checked = data.enabled;
  if (view.body.hidden !== !data.enabled) view.body.hidden = !data.enabled;
  drawPicker(view.picker, {catalog: data.catalog, token: data.token, label: t("classifier.compareWith")}, {
    t,
    testid: "compare-activation",
    check: options.checkActivation,
    onChange: (token) => view.options.onActivation(token),
  });
  if (!data.enabled) return;
  setText(view.titleA, data.labelA);
  setText(view.titleB, data.labelB);
  for (const [side, canvas, loss] of [
    ["a", view.canvasA, view.lossA],
    ["b", view.canvasB, view.lossB],
  ]) {
    const snap = data[side];
    if (snap?.grid) drawBoundary(canvas, {...data.boundary, grid: snap.grid, gridSize: snap.gridSize}, {axes: false});
    setText(loss, snap ? t("classifier.compareLoss", {train: formatLoss(snap.metrics?.trainLoss, t), test: formatLoss(snap.metrics?.testLoss, t)}) : "");
  }
  if (data.charts !== false && data.a?.history && data.b?.history) {
    const x = data.a.history.epoch.length >= data.b.history.epoch.length ? data.a.history.epoch : data.b.history.epoch;
    drawCurves(
      view.chart,
      {
        x,
        series: [
          {label: t("classifier.seriesTrain", {name: data.labelA}), values: align(x, data.a.history, "trainLoss"), color: 0},
          {label: t("classifier.seriesTest", {name: data.labelA}), values: align(x, data.a.history, "testLoss"), color: 0, dashed: true},
          {label: t("classifier.seriesTrain", {name: data.labelB}), values: align(x, data.b.history, "trainLoss"), color: 2},
          {label: t("classifier.seriesTest", {name: data.labelB}), values: align(x, data.b.history, "testLoss"), color: 2, dashed: true},
        ],
      },
      {height: 170, ariaLabel: t("classifier.lossTitle")},
    );
  }
}

/** Values of `history[key]` at the epochs `x` (both histories are decimated the same way while in step). */
function align(x, history, key) {
  if (history.epoch === x) return history[key];
  const out = new Float64Array(x.length).fill(NaN);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    while (j < history.epoch.length && history.epoch[j] < x[i]) j++;
    if (history.epoch[j] === x[i]) out[i] = history[key][j];
  }
  return out;
}

function create(target, options) {
  const {t} = options;
  const id = uid("compare");
  const toggle = h("input", {type: "checkbox", id, "data-testid": "compare-toggle"});
  const picker = h("div", {class: "compare-picker"});
  const canvasA = h("canvas", {class: "boundary-canvas", "data-testid": "boundary-a", role: "img"});
  const canvasB = h("canvas", {class: "boundary-canvas", "data-testid": "boundary-b", role: "img"});
  const view = {
    toggle,
    picker,
    canvasA,
    canvasB,
    titleA: h("h4"),
    titleB: h("h4"),
    lossA: h("p", {class: "compare-loss num"}),
    lossB: h("p", {class: "compare-loss num"}),
    chart: h("div", {class: "chart"}),
    options,
  };
  canvasA.setAttribute("aria-label", t("classifier.boundaryLabel"));
  canvasB.setAttribute("aria-label", t("classifier.boundaryLabel"));
  toggle.addEventListener("change", () => view.options.onToggle(toggle.checked));
  view.body = h("div", {class: "compare-body"}, [
    h("div", {class: "compare-pair"}, [
      h("figure", {class: "compare-side"}, [view.titleA, canvasA, view.lossA]),
      h("figure", {class: "compare-side"}, [view.titleB, canvasB, view.lossB]),
    ]),
    view.chart,
  ]);
  target.replaceChildren(
    h("div", {class: "compare-head"}, [h("div", {class: "field field--check"}, [toggle, h("label", {for: id, text: t("classifier.compareToggle")})]), picker]),
    view.body,
  );
  return view;
}
