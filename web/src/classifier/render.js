// The classifier's rendering: every view drawn from the store's state and the worker's latest
// frame. Views draw; this file decides what each is given and throttles the slow ones while
// training. The controller (index.js) owns the state and hands it over as a model.
import {isUnstable} from "./stability.js";
import {formatPercent} from "../i18n/format.js";
import {setText} from "../ui/dom.js";
import {BATCH_SIZES, DATASETS, EPOCHS_PER_FRAME, FEATURES, INITIALIZERS, LEARNING_RATES, MAX_LAYERS, MAX_NEURONS, OPTIMIZERS, OUTPUTS, POINT_COUNTS, REGRESSION_DATASETS, REGULARIZATION_RATES, REGULARIZATIONS} from "./schema.js";
import {classCount, isMulticlass, isRegression, layerTokens, lowerLearningRate, trainingPointCount} from "./config.js";
import {activationLabel, sourceLabels, unitName} from "./labels.js";
import {drawLegend, markDrawn, markFrame} from "./layout.js";
import {draw as drawToolbar} from "../views/toolbar.js";
import {draw as drawDatasets} from "../views/dataset-picker.js";
import {draw as drawDataControls} from "../views/data-controls.js";
import {draw as drawNetworkSettings} from "../views/network-settings.js";
import {draw as drawDiagram} from "../views/network-diagram.js";
import {draw as drawInspector} from "../views/inspector.js";
import {draw as drawBoundary} from "../views/boundary.js";
import {draw as drawColourScale} from "../views/colour-scale.js";
import {draw as drawMetrics} from "../views/metrics.js";
import {draw as drawDivergence} from "../views/divergence.js";
import {draw as drawCurves} from "../views/curves.js";
import {draw as drawDiagnostics} from "../views/diagnostics.js";
import {draw as drawHiddenSpace} from "../views/hidden-space.js";
import {draw as drawCompare} from "../views/compare.js";

/** While training, charts and diagnostics redraw at most this often; the boundary and diagram every frame. */
const SLOW_VIEW_INTERVAL_MS = 150;
/**
 * Large diagrams (many links) redraw at most this often while training: rasterising a few
 * hundred anti-aliased curves costs the main thread ~10 ms a time in software rendering.
 */
const LARGE_DIAGRAM_INTERVAL_MS = 100;
const LARGE_DIAGRAM_LINKS = 120;
/** Beyond this many units the interval grows in proportion (8 layers of 64 redraw about once a second). */
const LARGE_DIAGRAM_UNITS = 60;

/**
 * @param {HTMLElement} root  the classifier's section
 * @param {object} dom  the elements of layout.js's buildLayout
 * @param {{t: Function, store, handlers: {actions, focusUnit(unit), select(selection), setWeight(layer, to, from, value),
 *   setBias(layer, to, value), checkActivation(name, params): Promise<string | null>}}} context
 * @returns {(model: {catalog, playing, running, frame, configured, thumbnails, focus, selection, gradHistory,
 *   visible: {diagnostics: boolean, space: boolean}}) => void}
 */
export function createRenderer(root, dom, {t, store, handlers}) {
  const {actions} = handlers;
  let lastSlowRender = 0;
  let lastDiagram = {at: 0, units: null, weights: null};

  return function render(model) {
    const {catalog, playing, running, frame, configured, thumbnails, focus, selection, gradHistory, visible} = model;
    const state = store.get();
    const regression = isRegression(state);
    const classes = classCount(state);
    const tokens = layerTokens(state);
    const snap = frame?.a ?? null;
    const metrics = snap?.metrics ?? null;
    const diverged = Boolean(metrics?.diverged);
    const now = performance.now();
    const slow = !playing || now - lastSlowRender >= SLOW_VIEW_INTERVAL_MS;
    if (slow) lastSlowRender = now;
    root.classList.toggle("is-loading", !catalog);

    drawToolbar(
      dom.toolbar,
      {
        playing,
        ready: Boolean(catalog),
        epoch: metrics?.epoch ?? 0,
        settings: {lr: state.lr, opt: state.opt, batch: state.batch, reg: state.reg, regRate: state.regRate, epf: state.epf},
        choices: {lr: LEARNING_RATES, opt: OPTIMIZERS, batch: BATCH_SIZES, reg: REGULARIZATIONS, regRate: REGULARIZATION_RATES, epf: EPOCHS_PER_FRAME},
        maxBatch: trainingPointCount(state),
      },
      {t, onPlay: actions.play, onStep: actions.step, onReset: actions.reset, onChange: (partial) => store.set(partial)},
    );
    drawDatasets(dom.datasets, {datasets: DATASETS, selected: state.dataset, thumbnails, regression: REGRESSION_DATASETS}, {
      t,
      onSelect: (dataset) => store.set({dataset, added: []}),
    });
    // The headline numbers and the legend hold their place before the core is ready.
    drawMetrics(dom.metrics, {metrics, regression}, {t});
    drawLegend(dom.legend, classes, regression, t);
    if (!catalog) setText(dom.boundaryCaption, t("classifier.boundaryCaption"));
    const scaleMode = (unit) => (unit ? "unit" : regression ? "regression" : classes > 2 ? "classes" : "binary");
    if (!catalog) drawColourScale(dom.colourScale, {mode: scaleMode(null)}, {t});
    drawDataControls(
      dom.dataControls,
      {
        classes: state.classes,
        multiclass: isMulticlass(state),
        regression,
        points: state.points,
        pointChoices: POINT_COUNTS,
        noise: state.noise,
        train: state.train,
        seed: state.seed,
        addClass: state.addClass,
        added: state.added.length,
      },
      {
        t,
        onChange: (partial) => store.set(partial),
        onRegenerate: () => store.set({seed: (store.get().seed + 1) % 4294967296}),
        onClearAdded: () => store.set({added: []}),
      },
    );
    if (!catalog) return;

    const allToken = tokens.length && tokens.every((tok) => tok === tokens[0]) ? tokens[0] : tokens[0] ?? "tanh";
    drawNetworkSettings(
      dom.networkSettings,
      {catalog, allToken, mixed: tokens.some((tok) => tok !== tokens[0]), outputs: OUTPUTS, inits: INITIALIZERS, output: state.output, init: state.init, initScale: state.initScale, biasInit: state.biasInit, std: state.std, shuffle: state.shuffle},
      {t, checkActivation: handlers.checkActivation, onChange: (partial) => store.set(partial), onActivationAll: (tok) => store.set({act: state.hidden.map(() => tok)})},
    );
    const featureLabels = Object.fromEntries(FEATURES.map((f) => [f, t(`classifier.featureNames.${f}`)]));
    const outputs = regression ? 1 : classes > 2 ? classes : 1;
    const sizes = [state.features.length, ...state.hidden, outputs];
    const links = sizes.slice(1).reduce((sum, n, i) => sum + n * sizes[i], 0);
    const units = sizes.reduce((sum, n) => sum + n, 0);
    const diagramInterval = LARGE_DIAGRAM_INTERVAL_MS * Math.max(1, units / LARGE_DIAGRAM_UNITS);
    if (!playing || links <= LARGE_DIAGRAM_LINKS || now - lastDiagram.at >= diagramInterval) {
      lastDiagram = {at: now, units: snap?.units ?? null, weights: snap?.weights ?? null};
    }
    drawDiagram(
      dom.diagram,
      {
        features: FEATURES,
        enabled: state.features,
        featureLabels,
        hidden: state.hidden,
        acts: tokens,
        catalog,
        outputs,
        units: lastDiagram.units,
        weights: lastDiagram.weights,
        selected: selection,
        maxNeurons: MAX_NEURONS,
        maxLayers: MAX_LAYERS,
      },
      {
        t,
        onToggleFeature: (feature) => {
          const on = state.features.includes(feature);
          if (on && state.features.length === 1) return;
          store.set({features: on ? state.features.filter((f) => f !== feature) : FEATURES.filter((f) => f === feature || state.features.includes(f))});
        },
        onLayers: (delta) => {
          if (delta > 0 && state.hidden.length < MAX_LAYERS) {
            store.set({hidden: [...state.hidden, state.hidden[state.hidden.length - 1] ?? 4], act: [...tokens, tokens[tokens.length - 1] ?? "tanh"]});
          } else if (delta < 0 && state.hidden.length > 0) {
            store.set({hidden: state.hidden.slice(0, -1), act: tokens.slice(0, -1)});
          }
        },
        onNeurons: (layer, delta) => {
          const hidden = [...state.hidden];
          hidden[layer] = Math.max(1, Math.min(MAX_NEURONS, hidden[layer] + delta));
          store.set({hidden, act: tokens});
        },
        onActivation: (layer, tok) => {
          const act = [...tokens];
          act[layer] = tok;
          store.set({act});
        },
        onFocus: (unit) => {
          handlers.focusUnit(unit);
        },
        onSelectUnit: (unit) => {
          handlers.select(unit);
        },
        onSelectLink: ({layer, to, from}) => {
          handlers.select({layer, index: to, from});
        },
      },
    );
    drawInspector(
      dom.inspector,
      {
        selection,
        weights: snap?.weights ?? null,
        layers: state.hidden.length,
        // Read only when the inspector rebuilds its rows.
        get sourceLabels() {
          return sourceLabels(state, featureLabels, t);
        },
        catalog,
        acts: tokens,
      },
      {
        t,
        checkActivation: handlers.checkActivation,
        onWeight: (layer, to, from, value) => handlers.setWeight(layer, to, from, value),
        onBias: (layer, to, value) => handlers.setBias(layer, to, value),
        onActivation: (layer, tok) => {
          const act = [...tokens];
          act[layer] = tok;
          store.set({act});
        },
        onClose: () => {
          handlers.select(null);
        },
      },
    );

    const points = configured?.points ?? null;
    const boundaryData = {classes, regression, points, showTest: state.showTest, discrete: state.discrete, targetScale: configured?.targetScale ?? 1};
    const unit = focus && snap?.focus && snap.focus.layer === focus.layer && snap.focus.index === focus.index ? snap.focus : null;
    drawBoundary(dom.boundary, {...boundaryData, grid: snap?.grid, gridSize: snap?.gridSize, unit}, {onAdd: actions.addPoint});
    setText(dom.boundaryCaption, unit ? t("classifier.showingUnit", {unit: unitName(unit, state, featureLabels, t)}) : t("classifier.boundaryCaption"));
    dom.boundaryFigure.classList.toggle("is-unit", Boolean(unit));
    drawColourScale(dom.colourScale, {mode: scaleMode(unit), targetScale: configured?.targetScale ?? 1}, {t});
    drawDivergence(dom.divergence, {diverged, unstable: !diverged && isUnstable(snap?.history), learningRate: state.lr, suggested: lowerLearningRate(state.lr, LEARNING_RATES)}, {t, onFix: actions.fixDivergence});
    dom.output.classList.toggle("is-diverged", diverged);

    const history = snap?.history;
    if (history && slow) {
      // Training (solid) and test (dashed) curves of one measure.
      const trainAndTest = (target, train, test, options) =>
        drawCurves(
          target,
          {
            x: history.epoch,
            series: [
              {label: t("classifier.train"), values: train, color: 0},
              {label: t("classifier.test"), values: test, color: 1, dashed: true},
            ],
          },
          options,
        );
      trainAndTest(dom.lossChart, history.trainLoss, history.testLoss, {height: 140, ariaLabel: t("classifier.lossTitle")});
      if (dom.accuracyBlock.hidden !== regression) dom.accuracyBlock.hidden = regression;
      if (!regression) {
        trainAndTest(dom.accuracyChart, history.trainAccuracy, history.testAccuracy, {
          height: 120,
          range: [0, 1],
          format: (v) => formatPercent(v),
          ariaLabel: t("classifier.accuracyTitle"),
        });
      }
    }

    // Out of view the diagnostics are drawn only when their rows change (so the panel always has its
    // size); near the view they follow the current frame.
    const layerNames = [...state.hidden.map((_, i) => t("classifier.layerN", {n: i + 1})), t("classifier.output")];
    const diagnosticsShape = `${layerNames.join("|")}:${Boolean(snap?.stats)}:${(snap?.learned ?? []).length}`;
    if ((slow && visible.diagnostics) || dom.diagnostics.dataset.shape !== diagnosticsShape) {
      dom.diagnostics.dataset.shape = diagnosticsShape;
      drawDiagnostics(dom.diagnostics, {stats: snap?.stats ?? null, learned: snap?.learned ?? null, gradHistory, layerNames}, {t});
      markDrawn(dom.diagnostics, snap?.stats ? metrics : null);
    }

    if (slow) drawHiddenSpace(
      dom.space,
      {
        hidden: state.hidden,
        layer: Math.min(state.hsLayer, Math.max(0, state.hidden.length - 1)),
        u: state.hsU,
        v: state.hsV,
        space: snap?.hidden ?? null,
        points,
        classes,
        regression,
        showTest: state.showTest,
        targetScale: configured?.targetScale ?? 1,
      },
      {t, onChange: (partial) => store.set(partial)},
    );
    if (slow) markDrawn(dom.space, snap?.hidden ? metrics : null);

    drawCompare(
      dom.compare,
      {
        enabled: state.compare,
        token: state.compareAct,
        catalog,
        labelA: activationLabel(tokens, catalog, t),
        labelB: activationLabel([state.compareAct], catalog, t),
        a: snap,
        b: frame?.b ?? null,
        boundary: boundaryData,
        charts: slow,
      },
      {t, checkActivation: handlers.checkActivation, onToggle: (on) => store.set({compare: on}), onActivation: (tok) => store.set({compareAct: tok})},
    );
    markFrame(root, frame);
    root.dataset.running = String(running);
  };
}
