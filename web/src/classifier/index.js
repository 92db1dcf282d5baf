// The classifier's controller: owns its state (the store's keys, the worker's latest frame, the
// hovered and selected unit), talks to the trainer worker, and asks render.js to draw.
import {createTrainerClient} from "../worker/client.js";
import {clip} from "../ui/dom.js";
import {settingName} from "../i18n/setting-name.js";
import {loadFailureReason} from "../ui/load-failure.js";
import {LEARNING_RATES, LIVE_KEYS, VIEW_KEYS, classifierSchema} from "./schema.js";
import {lowerLearningRate} from "./config.js";
import {activationRepairs, addedPointItem, configureMessage, liveSettings, viewRequest} from "./requests.js";
import {isValidSelection, targetScale} from "./labels.js";
import {collectGradients, emptyGradHistory} from "./gradients.js";
import {buildLayout} from "./layout.js";
import {createRenderer} from "./render.js";
import {destroyChartsIn} from "../views/curves.js";
import {createAutosave, pageStorage} from "./autosave.js";
import {startWeightsAutosave} from "./weights-autosave.js";
import {decompressText} from "../embed/weights-text.js";
import {mountClassifierExports} from "../exports/classifier-exports.js";
import {withImportedPoints} from "../exports/imported-points.js";
import {describeProblem} from "../i18n/errors.js";
import {coreRefusal} from "../state/activation-spec.js";

const CLASSIFIER_KEYS = new Set(classifierSchema.map((entry) => entry.key));
const RECONFIGURE_KEYS = new Set([...CLASSIFIER_KEYS].filter((key) => !LIVE_KEYS.includes(key) && !VIEW_KEYS.includes(key)));

/**
 * @param {HTMLElement} root  the classifier's <section>
 * @param {{store, messages, libUrl: string, loadCore: () => Promise<object>, notices: {add(kind, text, id?): void}, idPrefix?: string,
 *   onFrame?: (frame) => void}} context
 * @returns {{actions, ready: Promise<void>, shown: Promise<void>, parts, census(), exportModel(), setOutOfView(hidden), destroy()}}
 */
export function mountClassifier(root, {store, messages, libUrl, loadCore, notices, idPrefix = "", autosave: autosaveOn = false, onRetry = null, onFrame}) {
  const t = messages.t;
  const cleanups = [];
  // The view's elements, rebuilt with new labels by relabel() (a language switch); everything else lives on.
  let viewCleanups = [];
  let dom = buildLayout(root, t, store, idPrefix, viewCleanups);
  let markReady;
  const ready = new Promise((resolve) => (markReady = resolve));
  // Settles once the first frame is on screen, or an error says none is coming.
  let markShown;
  const shown = new Promise((resolve) => (markShown = resolve));
  // The model render.js draws from, besides the store.
  const model = {imported: null, catalog: null, playing: false, running: false, frame: null, configured: null, thumbnails: null, focus: null, selection: null, gradHistory: emptyGradHistory(), visible: {diagnostics: false, space: false}};
  let token = 0;
  let lastView = "";
  let ackSeq = null;
  let renderFrame = 0;
  let destroyed = false;
  let outOfView = false;
  let resumeAfterRestart = false;
  const client = createTrainerClient({libUrl, onMessage});
  // The page's own app (not an embed) saves its trained weights for a reload.
  const autosave = autosaveOn
    ? startWeightsAutosave({
        autosave: createAutosave(pageStorage()),
        snapshot: () => (destroyed || !model.catalog ? null : {epoch: model.frame?.a.metrics.epoch ?? 0, token}),
        signature: () => signature(),
        exportModel: () => client.exportModel(),
        onSaved: (epoch) => (root.dataset.autosavedEpoch = String(epoch)),
      })
    : null;
  if (autosave) cleanups.push(() => autosave.stop());

  function onMessage(message) {
    switch (message.type) {
      case "ready":
        model.catalog = message.catalog;
        markReady();
        repairActivations();
        client.send("thumbnails", {points: 160});
        configure();
        if (resumeAfterRestart) {
          resumeAfterRestart = false;
          client.send("play", {epochsPerFrame: store.get().epf});
        }
        break;
      case "configured":
        if (message.token !== token) break;
        Object.assign(model, {configured: {...message, targetScale: targetScale(message)}, gradHistory: emptyGradHistory(), frame: null});
        // Drawn with the configuration's first frame, which follows at once.
        return;
      case "frame":
        if (message.token !== token) {
          client.send("ack", {seq: message.seq});
          break;
        }
        model.frame = message;
        model.gradHistory = collectGradients(model.gradHistory, message.a);
        ackSeq = message.seq;
        onFrame?.(message);
        break;
      case "state":
        model.playing = message.playing;
        // Training actually runs only while it is playing and can be seen (see setOutOfView).
        model.running = message.playing && !message.hidden;
        break;
      case "thumbnails":
        model.thumbnails = new Map(message.sets.map((set) => [set.dataset, set]));
        break;
      case "error":
        // No first frame follows an error (the core, the worker or this configuration failed):
        // whoever waits for it (the page's explorer) waits no longer.
        markShown();
        if (message.op === "init") {
          markReady();
          // Said plainly, with a retry: not Emscripten's "Aborted(CompileError … ASSERTIONS …)".
          notices.add("error", () => t("app.errors.coreUnavailable", {reason: loadFailureReason(message.message)}), "core-init", {
            label: t("app.retry"),
            run: () => {
              notices.dismiss("core-init");
              client.restart();
              onRetry?.();
            },
          });
        } else {
          notices.add("error", () => t("app.errors.core", {message: describeProblem(messages, message)}), `core-${message.op}`);
        }
        break;
      case "restarted":
        // The worker died and a new one serves this session; "ready" follows and configures it again.
        resumeAfterRestart = model.playing;
        Object.assign(model, {playing: false, running: false});
        if (model.catalog) notices.add("error", () => t("app.errors.workerRestarted"), "worker-restarted");
        break;
      default:
        return;
    }
    queueRender();
  }

  /** Activation tokens from a link that the catalog rejects fall back, with a notice. */
  function repairActivations() {
    const {problems, partial} = activationRepairs(store.get(), model.catalog);
    for (const problem of problems) {
      notices.add("info", () => t("app.notices.invalid", {key: settingName(messages, problem.key), value: clip(problem.value), reason: describeProblem(messages, problem)}), `url-${problem.key}`);
    }
    if (Object.keys(partial).length) store.set(partial);
  }

  /** The configuration the weights belong to (token aside): what an autosave is matched by; of the state now unless given. */
  const signature = () => JSON.stringify({...configureMessage(store.get(), model.catalog, 0), token: 0});

  /** A new configuration; `layers`: trained weights to start from (a loaded model file). */
  function configure(layers = null) {
    if (!model.catalog) return;
    const state = store.get();
    token += 1;
    model.selection = model.selection && isValidSelection(model.selection, state) ? model.selection : null;
    sendView(true);
    client.send("epochsPerFrame", {epochsPerFrame: state.epf});
    const generated = configureMessage(state, model.catalog, token);
    const message = model.imported ? {...generated, config: withImportedPoints(generated.config, model.imported.points)} : generated;
    // The first configuration after a load resumes from the autosave (a reset starts afresh).
    const restore = autosave?.takeRestore(!layers && !state.weights) ?? null;
    if (restore === "corrupt") notices.add("info", () => t("app.notices.badAutosave"), "autosave");
    if (layers || (restore && restore !== "corrupt")) {
      client.send("configure", {...message, layers: layers ?? restore.layers});
      return;
    }
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
          notices.add("info", () => t("app.notices.badWeights"), "weights");
          client.send("configure", message);
        },
      );
  }

  function sendView(force = false) {
    const view = viewRequest(store.get(), {focus: model.focus, spaceVisible: model.visible.space});
    const key = JSON.stringify(view);
    if (key === lastView && !force) return;
    lastView = key;
    client.send("view", {view});
  }

  const unsubscribe = store.subscribe((state, changed) => {
    const keys = [...changed].filter((key) => CLASSIFIER_KEYS.has(key));
    if (keys.length === 0) return;
    // Choosing a dataset drops the imported points (web/src/exports/csv-import.js).
    if (changed.has("dataset")) model.imported = null;
    if (keys.some((key) => RECONFIGURE_KEYS.has(key))) {
      // Shared weights belong to the configuration of the link; a new configuration starts afresh.
      if (state.weights) store.set({weights: ""});
      configure();
    } else if (keys.some((key) => LIVE_KEYS.includes(key))) {
      client.send("update", {partial: liveSettings(state)});
    }
    if (changed.has("epf")) client.send("epochsPerFrame", {epochsPerFrame: state.epf});
    sendView();
    queueRender();
  });

  // No training while nobody can see it: the page is hidden, or the app (an embed) is scrolled away.
  const onVisibility = () => client.send("visibility", {hidden: document.hidden || outOfView});
  document.addEventListener("visibilitychange", onVisibility);
  // "Visible" starts half a screen early, so a panel has drawn the current frame before it is seen.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) model.visible[entry.target.dataset.watch] = entry.isIntersecting;
      sendView();
      queueRender();
    },
    {rootMargin: "50% 0px"},
  );
  // Esc closes the unit or link editor, wherever the focus is inside the classifier.
  const onKeyDown = (event) => {
    if (event.key !== "Escape" || !model.selection) return;
    event.preventDefault();
    model.selection = null;
    queueRender();
  };
  root.addEventListener("keydown", onKeyDown);
  cleanups.push(() => root.removeEventListener("keydown", onKeyDown));
  const observePanels = () => {
    observer.observe(dom.diagnosticsPanel);
    observer.observe(dom.spacePanel);
  };
  observePanels();
  cleanups.push(unsubscribe, () => document.removeEventListener("visibilitychange", onVisibility), () => observer.disconnect());

  /** The page's core on the main thread (shared with the explorer) judges a parameter set; loaded on first use. */
  async function checkActivation(name, params) {
    // Without a core here the worker still checks the configuration and reports a refusal.
    const core = await loadCore().catch(() => null);
    const error = core && coreRefusal(core, name, params);
    // In the reader's language when the core gives the error a code, as the explorer does.
    return error ? describeProblem(messages, error) : null;
  }

  const diverged = () => Boolean(model.frame?.a.metrics.diverged);
  const actions = {
    play: () => actions.setPlaying(!model.playing),
    setPlaying(on) {
      if (!model.catalog || on === model.playing) return;
      if (!on) client.send("pause");
      else if (!diverged()) client.send("play", {epochsPerFrame: store.get().epf});
    },
    step() {
      if (model.catalog && !diverged()) client.send("step", {epochs: 1});
    },
    reset: () => configure(),
    fixDivergence() {
      store.set({lr: lowerLearningRate(store.get().lr, LEARNING_RATES)});
      configure();
    },
    addPoint(x, y) {
      const state = store.get();
      if (state.added.length < 1000) store.set({added: [...state.added, addedPointItem(state, x, y)]});
    },
  };

  const rendererContext = {
    t,
    store,
    handlers: {
      actions,
      focusUnit(unit) {
        model.focus = unit;
        sendView();
        queueRender();
      },
      select(selection) {
        model.selection = selection;
        queueRender();
      },
      checkActivation,
      setWeight: (layer, to, from, value) => client.send("setWeight", {layer, to, from, value}),
      setBias: (layer, to, value) => client.send("setBias", {layer, to, value}),
    },
  };
  let render = createRenderer(root, dom, rendererContext);
  const partsOf = (d) => ({runbar: d.toolbar, boundary: d.boundaryPart, loss: d.lossPart, network: d.networkPanel, diagnostics: d.diagnosticsPanel, controls: d.dataPanel});
  let parts = partsOf(dom);

  function queueRender() {
    if (renderFrame || destroyed) return;
    renderFrame = requestAnimationFrame(() => {
      renderFrame = 0;
      render(model);
      if (model.frame) markShown();
      if (ackSeq !== null) {
        client.send("ack", {seq: ackSeq});
        ackSeq = null;
      }
    });
  }

  queueRender();
  // The export and import buttons live in the view, so they are mounted again with it (relabel()).
  const mountExports = () =>
    viewCleanups.push(
      mountClassifierExports({
        dom,
        model,
        t,
        notices,
        store,
        exportModel: () => client.exportModel(),
        loadModel(layers) {
          model.imported = null;
          configure(layers);
        },
        importPoints(imported) {
          model.imported = imported;
          configure();
        },
      }),
    );
  mountExports();
  return {
    actions,
    ready,
    shown,
    census: () => client.census(),
    /** The worker's core.memory(), for soaks. */
    workerMemory: () => client.memory(),
    /** The trained model file (JSON text), or null before the first configuration. */
    exportModel: () => client.exportModel(),
    /** The elements an embed shows on their own, by panel name ("controls" is the data panel); new ones after relabel(). */
    get parts() {
      return parts;
    },
    /**
     * Builds the view again with the messages of the moment (after a language switch): the worker
     * session, the training run, its history and the store are untouched; the next frame fills the view.
     */
    relabel() {
      if (destroyed) return;
      for (const part of [root, ...Object.values(parts)]) destroyChartsIn(part);
      // An embed shows parts outside the section: the old ones go.
      for (const part of Object.values(parts)) part.remove();
      for (const cleanup of viewCleanups.splice(0)) cleanup();
      observer.disconnect();
      model.visible = {diagnostics: false, space: false};
      dom = buildLayout(root, t, store, idPrefix, viewCleanups);
      mountExports();
      parts = partsOf(dom);
      observePanels();
      render = createRenderer(root, dom, rendererContext);
      lastView = "";
      sendView(true);
      queueRender();
    },
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
      for (const cleanup of [...cleanups.splice(0), ...viewCleanups.splice(0)]) cleanup();
      // An embed shows parts outside the section; their charts go with the app too.
      for (const part of [root, ...Object.values(parts)]) destroyChartsIn(part);
      root.replaceChildren();
    },
  };
}

