// The classifier section's composition root: wires the store, the trainer worker and the views.
// Views draw what they are given; every decision about state lives here.
import {isUnstable} from "./stability.js";
import {createTrainerClient} from "../worker/client.js";
import {clip, h, replaceIfChanged, setText, uid} from "../ui/dom.js";
import {CLASS_SHAPES} from "../ui/palette.js";
import {
  BATCH_SIZES,
  DATASETS,
  EPOCHS_PER_FRAME,
  FEATURES,
  LEARNING_RATES,
  LIVE_KEYS,
  MAX_LAYERS,
  MAX_NEURONS,
  POINT_COUNTS,
  REGRESSION_DATASETS,
  REGULARIZATION_RATES,
  VIEW_KEYS,
  classifierSchema,
} from "./schema.js";
import {
  addedPoints,
  classCount,
  compareActivation,
  isMulticlass,
  isRegression,
  layerTokens,
  lowerLearningRate,
  trainerConfig,
  trainingPointCount,
} from "./config.js";
import {parseActivation} from "./activation-spec.js";
import {decompressText} from "../embed/share.js";
import {draw as drawToolbar} from "../views/toolbar.js";
import {draw as drawDatasets} from "../views/dataset-picker.js";
import {draw as drawDataControls} from "../views/data-controls.js";
import {draw as drawNetworkSettings} from "../views/network-settings.js";
import {draw as drawDiagram} from "../views/network-diagram.js";
import {draw as drawInspector} from "../views/inspector.js";
import {draw as drawBoundary} from "../views/boundary.js";
import {draw as drawMetrics} from "../views/metrics.js";
import {draw as drawDivergence} from "../views/divergence.js";
import {draw as drawCurves} from "../views/curves.js";
import {draw as drawDiagnostics, tip} from "../views/diagnostics.js";
import {draw as drawHiddenSpace} from "../views/hidden-space.js";
import {draw as drawCompare} from "../views/compare.js";

const CLASSIFIER_KEYS = new Set(classifierSchema.map((entry) => entry.key));
const RECONFIGURE_KEYS = new Set([...CLASSIFIER_KEYS].filter((key) => !LIVE_KEYS.includes(key) && !VIEW_KEYS.includes(key)));
const GRID_SIZE = 100;
const THUMB_SIZE = 32;
const MAX_GRAD_HISTORY = 4000;
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
 * @param {HTMLElement} root  the classifier's <section>
 * @param {{store, messages, libUrl: string, notices: {add(kind, text, id?): void}, idPrefix?: string,
 *   onCatalog?: (catalog) => void, onFrame?: (frame) => void}} context
 * @returns {{actions, ready: Promise<void>, census(): Promise<object>, destroy(): void}}
 */
export function mountClassifier(root, {store, messages, libUrl, notices, idPrefix = "", onCatalog, onFrame}) {
  const t = messages.t;
  const cleanups = [];
  let destroyed = false;
  const dom = buildLayout(root, t, store, idPrefix, cleanups);
  let markReady;
  const ready = new Promise((resolve) => (markReady = resolve));
  let catalog = null;
  let playing = false;
  let running = false;
  let token = 0;
  let configured = null;
  let frame = null;
  let thumbnails = null;
  let focus = null;
  let selection = null;
  let gradHistory = emptyGradHistory();
  let lastView = "";
  let renderQueued = false;
  let ackSeq = null;
  let lastSlowRender = 0;
  let lastDiagram = {at: 0, units: null, weights: null};
  const visible = {diagnostics: false, space: false};

  const client = createTrainerClient({libUrl, onMessage});

  function onMessage(message) {
    switch (message.type) {
      case "ready":
        catalog = message.catalog;
        markReady();
        onCatalog?.(catalog);
        repairActivations();
        client.send("thumbnails", {points: 160});
        configure();
        break;
      case "configured":
        if (message.token !== token) break;
        configured = {...message, targetScale: targetScale(message)};
        gradHistory = emptyGradHistory();
        frame = null;
        break;
      case "frame":
        if (message.token !== token) {
          client.send("ack", {seq: message.seq});
          break;
        }
        frame = message;
        collectGradients(message.a);
        onFrame?.(message);
        ackSeq = message.seq;
        queueRender();
        break;
      case "state":
        playing = message.playing;
        // Training actually runs only while it is playing and can be seen (see setOutOfView).
        running = message.playing && !message.hidden;
        queueRender();
        break;
      case "thumbnails":
        thumbnails = new Map(message.sets.map((set) => [set.dataset, set]));
        queueRender();
        break;
      case "error":
        if (message.op === "init") markReady();
        notices.add("error", t(message.op === "init" ? "app.errors.coreFailed" : "app.errors.core", {message: message.message}), `core-${message.op}`);
        queueRender();
        break;
      default:
        break;
    }
  }

  /** Activation tokens from a link that the catalog rejects fall back to tanh, with a notice. */
  function repairActivations() {
    const state = store.get();
    const {problems, tokens} = trainerConfig(state, catalog);
    const partial = {};
    for (const problem of problems) notices.add("info", t("app.notices.invalid", {key: problem.key, value: clip(problem.value), reason: problem.reason}));
    if (problems.length) partial.act = tokens;
    const compare = compareActivation(state, catalog);
    if (compare.problem) {
      notices.add("info", t("app.notices.invalid", {key: "compareAct", value: clip(state.compareAct), reason: compare.problem.reason}));
      partial.compareAct = "relu";
    }
    if (Object.keys(partial).length) store.set(partial);
  }

  function configure() {
    if (!catalog) return;
    const state = store.get();
    const {config} = trainerConfig(state, catalog);
    token += 1;
    selection = selection && isValidSelection(selection, state) ? selection : null;
    sendView(true);
    client.send("epochsPerFrame", {epochsPerFrame: state.epf});
    const message = {token, config, compare: state.compare ? compareActivation(state, catalog).activation : null, added: addedPoints(state)};
    if (!state.weights) {
      client.send("configure", message);
      return;
    }
    // Weights from a shared link apply to the configuration they were trained with: this one.
    decompressText(state.weights)
      .then((text) => JSON.parse(text))
      .then(
        (layers) => client.send("configure", {...message, layers}),
        () => {
          notices.add("info", t("app.notices.badWeights"), "weights");
          client.send("configure", message);
        },
      );
  }

  function liveUpdate() {
    const state = store.get();
    client.send("update", {
      partial: {
        learningRate: state.lr,
        optimizer: state.opt,
        regularization: state.reg,
        regularizationRate: state.regRate,
        batchSize: Math.min(state.batch, trainingPointCount(state)),
      },
    });
  }

  function sendView(force = false) {
    const state = store.get();
    const layers = state.hidden.length;
    const hsLayer = Math.min(state.hsLayer, Math.max(0, layers - 1));
    const width = state.hidden[hsLayer] ?? 0;
    const view = {
      gridSize: GRID_SIZE,
      // Dense layers show small units: smaller thumbnails cost less in the worker and here.
      thumbSize: Math.max(0, ...state.hidden) > 12 ? THUMB_SIZE / 2 : THUMB_SIZE,
      focus,
      weights: true,
      // Statistics every frame (cheap in the worker), so the gradient-norm history has no gaps.
      stats: true,
      hidden: visible.space && layers > 0 ? {layer: hsLayer, u: Math.min(state.hsU, width - 1), v: Math.min(state.hsV, width - 1)} : null,
      compareGrid: state.compare,
    };
    const key = JSON.stringify(view);
    if (key === lastView && !force) return;
    lastView = key;
    client.send("view", {view});
  }

  const unsubscribe = store.subscribe((state, changed) => {
    const keys = [...changed].filter((key) => CLASSIFIER_KEYS.has(key));
    if (keys.length === 0) return;
    if (keys.some((key) => RECONFIGURE_KEYS.has(key))) {
      // Shared weights belong to the configuration of the link; a new configuration starts afresh.
      if (state.weights) store.set({weights: ""});
      configure();
    }
    else if (keys.some((key) => LIVE_KEYS.includes(key))) liveUpdate();
    if (changed.has("epf")) client.send("epochsPerFrame", {epochsPerFrame: state.epf});
    sendView();
    queueRender();
  });

  // No training while nobody can see it: the page is hidden, or the app (an embed) is scrolled away.
  let outOfView = false;
  const onVisibility = () => client.send("visibility", {hidden: document.hidden || outOfView});
  document.addEventListener("visibilitychange", onVisibility);

  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) visible[entry.target.dataset.watch] = entry.isIntersecting;
    sendView();
    queueRender();
  });
  observer.observe(dom.diagnosticsPanel);
  observer.observe(dom.spacePanel);
  cleanups.push(unsubscribe, () => document.removeEventListener("visibilitychange", onVisibility), () => observer.disconnect());

  const actions = {
    play() {
      actions.setPlaying(!playing);
    },
    setPlaying(on) {
      if (!catalog || on === playing) return;
      if (!on) client.send("pause");
      else if (!frame?.a.metrics.diverged) client.send("play", {epochsPerFrame: store.get().epf});
    },
    step() {
      if (catalog && !frame?.a.metrics.diverged) client.send("step", {epochs: 1});
    },
    reset() {
      configure();
    },
    fixDivergence() {
      const lr = lowerLearningRate(store.get().lr, LEARNING_RATES);
      store.set({lr});
      configure();
    },
    addPoint(x, y) {
      const state = store.get();
      const k = classCount(state);
      const label = isRegression(state) ? (state.addClass === 0 ? -1 : 1) : Math.min(state.addClass, k - 1);
      const item = `${x.toFixed(2)}:${y.toFixed(2)}:${label}`;
      if (state.added.length < 1000) store.set({added: [...state.added, item]});
    },
  };

  let renderFrame = 0;
  function queueRender() {
    if (renderQueued || destroyed) return;
    renderQueued = true;
    renderFrame = requestAnimationFrame(() => {
      renderQueued = false;
      render();
      if (ackSeq !== null) {
        client.send("ack", {seq: ackSeq});
        ackSeq = null;
      }
    });
  }

  function render() {
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
        choices: {lr: LEARNING_RATES, batch: BATCH_SIZES, regRate: REGULARIZATION_RATES, epf: EPOCHS_PER_FRAME},
        maxBatch: trainingPointCount(state),
      },
      {t, onPlay: actions.play, onStep: actions.step, onReset: actions.reset, onChange: (partial) => store.set(partial)},
    );
    drawDatasets(dom.datasets, {datasets: DATASETS, selected: state.dataset, thumbnails, regression: REGRESSION_DATASETS}, {
      t,
      onSelect: (dataset) => store.set({dataset, added: []}),
    });
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
      {catalog, allToken, output: state.output, init: state.init, initScale: state.initScale, biasInit: state.biasInit, std: state.std, shuffle: state.shuffle},
      {t, onChange: (partial) => store.set(partial), onActivationAll: (tok) => store.set({act: state.hidden.map(() => tok)})},
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
          focus = unit;
          sendView();
          queueRender();
        },
        onSelectUnit: (unit) => {
          selection = unit;
          queueRender();
        },
        onSelectLink: ({layer, to, from}) => {
          selection = {layer, index: to, from};
          queueRender();
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
        onWeight: (layer, to, from, value) => client.send("setWeight", {layer, to, from, value}),
        onBias: (layer, to, value) => client.send("setBias", {layer, to, value}),
        onActivation: (layer, tok) => {
          const act = [...tokens];
          act[layer] = tok;
          store.set({act});
        },
        onClose: () => {
          selection = null;
          queueRender();
        },
      },
    );

    const points = configured?.points ?? null;
    const boundaryData = {classes, regression, points, showTest: state.showTest, discrete: state.discrete, targetScale: configured?.targetScale ?? 1};
    const unit = focus && snap?.focus && snap.focus.layer === focus.layer && snap.focus.index === focus.index ? snap.focus : null;
    drawBoundary(dom.boundary, {...boundaryData, grid: snap?.grid, gridSize: snap?.gridSize, unit}, {onAdd: actions.addPoint});
    setText(dom.boundaryCaption, unit ? t("classifier.showingUnit", {unit: unitName(unit, state, featureLabels, t)}) : t("classifier.boundaryCaption"));
    dom.boundaryFigure.classList.toggle("is-unit", Boolean(unit));
    drawLegend(dom.legend, classes, regression, t);
    drawMetrics(dom.metrics, {metrics, regression}, {t});
    drawDivergence(dom.divergence, {diverged, unstable: !diverged && isUnstable(snap?.history), learningRate: state.lr, suggested: lowerLearningRate(state.lr, LEARNING_RATES)}, {t, onFix: actions.fixDivergence});
    dom.output.classList.toggle("is-diverged", diverged);

    const history = snap?.history;
    if (history && slow) {
      drawCurves(
        dom.lossChart,
        {
          x: history.epoch,
          series: [
            {label: t("classifier.train"), values: history.trainLoss, color: 0},
            {label: t("classifier.test"), values: history.testLoss, color: 1, dashed: true},
          ],
        },
        {height: 140, ariaLabel: t("classifier.lossTitle")},
      );
      if (dom.accuracyBlock.hidden !== regression) dom.accuracyBlock.hidden = regression;
      if (!regression) {
        drawCurves(
          dom.accuracyChart,
          {
            x: history.epoch,
            series: [
              {label: t("classifier.train"), values: history.trainAccuracy, color: 0},
              {label: t("classifier.test"), values: history.testAccuracy, color: 1, dashed: true},
            ],
          },
          {height: 120, range: [0, 1], format: (v) => `${Math.round(v * 100)}%`, ariaLabel: t("classifier.accuracyTitle")},
        );
      }
    }

    if (slow && visible.diagnostics) {
      const layerNames = [...state.hidden.map((_, i) => t("classifier.layerN", {n: i + 1})), t("classifier.output")];
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
      {t, onToggle: (on) => store.set({compare: on}), onActivation: (tok) => store.set({compareAct: tok})},
    );
    markFrame(root, frame);
    root.dataset.running = String(running);
  }

  function collectGradients(snapshot) {
    const stats = snapshot?.stats;
    if (!stats) return;
    const epoch = snapshot.metrics.epoch;
    if (gradHistory.x.length && gradHistory.x[gradHistory.x.length - 1] >= epoch) return;
    gradHistory.x.push(epoch);
    stats.forEach((stat, i) => {
      gradHistory.layers[i] ??= new Array(gradHistory.x.length - 1).fill(NaN);
      gradHistory.layers[i].push(stat.gradNorm);
    });
    if (gradHistory.x.length > MAX_GRAD_HISTORY) {
      gradHistory = {x: gradHistory.x.filter((_, i) => i % 2 === 0), layers: gradHistory.layers.map((values) => values.filter((_, i) => i % 2 === 0))};
    }
  }

  queueRender();
  return {
    actions,
    ready,
    census: () => client.census(),
    /** The trained model file (JSON text), or null before the first configuration. */
    exportModel: () => client.exportModel(),
    /** The elements an embed shows on their own, by panel name ("controls" is the data panel). */
    parts: {runbar: dom.toolbar, boundary: dom.boundaryPart, loss: dom.lossPart, network: dom.networkPanel, diagnostics: dom.diagnosticsPanel, controls: dom.dataPanel},
    /** Pauses training while the app is out of view, and resumes it where it was. */
    setOutOfView(value) {
      if (outOfView === value) return;
      outOfView = value;
      onVisibility();
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(renderFrame);
      client.close();
      for (const cleanup of cleanups.splice(0)) cleanup();
      root.replaceChildren();
    },
  };
}

/**
 * Says which frame the section last drew (configuration token, frame number, edits applied), so
 * a caller or a test can wait for the exact state it means rather than for "something changed".
 */
function markFrame(root, frame) {
  if (!frame) return;
  root.dataset.token = frame.token;
  root.dataset.seq = frame.seq;
  root.dataset.edits = frame.edits;
}

/** Says which epoch a lazily drawn panel shows (none until it has drawn real data). */
function markDrawn(target, metrics) {
  if (metrics) target.dataset.epoch = metrics.epoch;
  else delete target.dataset.epoch;
}

function emptyGradHistory() {
  return {x: [], layers: []};
}

function targetScale(info) {
  if (!info.regression) return 1;
  let scale = 1e-9;
  for (const v of info.points.label) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  return scale;
}

function isValidSelection(sel, state) {
  const sizes = [state.features.length, ...state.hidden];
  return sel.layer <= state.hidden.length && sel.index < (sel.layer === state.hidden.length ? 5 : state.hidden[sel.layer]) && (sel.from === undefined || sel.from < sizes[sel.layer]);
}

function sourceLabels(state, featureLabels, t) {
  return [state.features.map((f) => featureLabels[f]), ...state.hidden.map((count, l) => Array.from({length: count}, (_, j) => t("classifier.unitLabel", {layer: l + 1, index: j + 1})))];
}

function unitName(unit, state, featureLabels, t) {
  if (unit.layer < 0) return featureLabels[state.features[unit.index]] ?? "";
  if (unit.layer >= state.hidden.length) return t("classifier.outputUnitLabel", {index: unit.index + 1});
  return t("classifier.unitLabel", {layer: unit.layer + 1, index: unit.index + 1});
}

function activationLabel(tokens, catalog, t) {
  if (tokens.length === 0) return t("classifier.noHidden");
  const names = [...new Set(tokens.map((tok) => parseActivation(tok)?.name ?? tok))];
  if (names.length > 1) return t("classifier.mixedActivations");
  const entry = catalog.find((item) => item.name === names[0]);
  return names[0] === "maxout" ? t("classifier.maxout") : entry?.label || names[0];
}

function drawLegend(target, classes, regression, t) {
  replaceIfChanged(target, `${classes}:${regression}`, () => legendItems(classes, regression, t));
}

function legendItems(classes, regression, t) {
  const items = regression
    ? [
        h("li", {}, [h("span", {class: "shape shape--circle c-0", "aria-hidden": "true"}), t("classifier.targetNegative")]),
        h("li", {}, [h("span", {class: "shape shape--circle c-1", "aria-hidden": "true"}), t("classifier.targetPositive")]),
      ]
    : Array.from({length: Math.max(2, classes)}, (_, c) => h("li", {}, [h("span", {class: `shape shape--${CLASS_SHAPES[c]} c-${c}`, "aria-hidden": "true"}), t("classifier.classN", {n: c + 1})]));
  items.push(h("li", {}, [h("span", {class: "shape shape--circle is-hollow", "aria-hidden": "true"}), t("classifier.testPoint")]));
  return items;
}

function buildLayout(root, t, store, idPrefix, cleanups) {
  const panel = (kind, title, children, help) =>
    h("section", {class: `panel panel--${kind}`, "aria-labelledby": `${idPrefix}panel-${kind}`}, [
      h("div", {class: "panel-head"}, [h("h3", {id: `${idPrefix}panel-${kind}`, text: title}), help ? tip(help, t) : null]),
      ...children,
    ]);
  const dom = {
    toolbar: h("div", {class: "runbar", role: "toolbar", "aria-label": t("classifier.runbar")}),
    datasets: h("div", {class: "datasets"}),
    dataControls: h("div", {class: "data-controls"}),
    networkSettings: h("div", {class: "network-settings"}),
    diagram: h("div", {class: "diagram"}),
    inspector: h("div", {class: "inspector", hidden: true}),
    metrics: h("div", {class: "metrics-box"}),
    divergence: h("div", {class: "divergence", hidden: true}),
    boundary: h("canvas", {class: "boundary-canvas", "data-testid": "boundary", role: "img", "aria-label": t("classifier.boundaryLabel")}),
    boundaryCaption: h("figcaption", {class: "caption"}),
    legend: h("ul", {class: "legend"}),
    lossChart: h("div", {class: "chart"}),
    accuracyChart: h("div", {class: "chart"}),
    diagnostics: h("div", {class: "diagnostics"}),
    space: h("div", {class: "space"}),
    compare: h("div", {class: "compare"}),
  };
  const check = (key, label) => {
    const id = uid("opt");
    const input = h("input", {type: "checkbox", id, "data-testid": key});
    input.checked = store.get()[key];
    input.addEventListener("change", () => store.set({[key]: input.checked}));
    cleanups.push(
      store.subscribe((state, changed) => {
        if (changed.has(key)) input.checked = state[key];
      }),
    );
    return h("div", {class: "field field--check"}, [input, h("label", {for: id, text: label})]);
  };
  dom.boundaryFigure = h("figure", {class: "boundary"}, [dom.boundary, dom.boundaryCaption]);
  dom.accuracyBlock = h("div", {class: "chart-block"}, [h("h4", {text: t("classifier.accuracyTitle")}), dom.accuracyChart]);
  // Parts an embed can show on their own (see app.js); on the full page they lay out as if unwrapped.
  dom.boundaryPart = h("div", {class: "ap-part ap-part--boundary"}, [
    dom.metrics,
    dom.divergence,
    dom.boundaryFigure,
    h("div", {class: "boundary-options"}, [check("showTest", t("classifier.showTest")), check("discrete", t("classifier.discrete"))]),
    dom.legend,
  ]);
  dom.lossPart = h("div", {class: "ap-part ap-part--loss"}, [h("div", {class: "chart-block"}, [h("h4", {text: t("classifier.lossTitle")}), dom.lossChart]), dom.accuracyBlock]);
  dom.output = panel("output", t("classifier.outputTitle"), [dom.boundaryPart, dom.lossPart]);
  dom.dataPanel = panel("data", t("classifier.dataTitle"), [dom.datasets, dom.dataControls]);
  dom.networkPanel = panel("network", t("classifier.networkTitle"), [dom.networkSettings, dom.diagram, dom.inspector], t("classifier.networkHelp"));
  dom.diagnosticsPanel = panel("diagnostics", t("classifier.diagnosticsTitle"), [h("p", {class: "panel-intro", text: t("classifier.diagnosticsIntro")}), dom.diagnostics]);
  dom.diagnosticsPanel.dataset.watch = "diagnostics";
  dom.spacePanel = panel("space", t("classifier.hsTitle"), [h("p", {class: "panel-intro", text: t("classifier.hsIntro")}), dom.space]);
  dom.spacePanel.dataset.watch = "space";

  root.replaceChildren(
    h("header", {class: "section-head"}, [
      h("h2", {id: `${idPrefix}classifier-title`, text: t("classifier.title")}),
      h("p", {class: "section-intro", text: t("classifier.intro")}),
    ]),
    dom.toolbar,
    h("div", {class: "workbench"}, [dom.dataPanel, dom.networkPanel, dom.output]),
    h("div", {class: "lower"}, [
      dom.diagnosticsPanel,
      dom.spacePanel,
      panel("compare", t("classifier.compareTitle"), [h("p", {class: "panel-intro", text: t("classifier.compareIntro")}), dom.compare]),
    ]),
  );
  root.setAttribute("aria-labelledby", `${idPrefix}classifier-title`);
  return dom;
}
