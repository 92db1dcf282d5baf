// The Web Worker that owns the wasm core and the trainers. The main thread only renders.
//
// One worker serves every app of a page: each app opens a session, and every message after
// "init" carries its `session` id (replies carry it too).
//
// Protocol (every message is a plain object with `type`):
//   main -> worker
//     init        {libUrl, wasmModule?}            load the core (once per worker); wasmModule: the page's
//                                                  compiled module, so the .wasm is fetched once per page
//     open        {session}                        a new session; replies "ready" when the core is loaded
//     close       {session}                        dispose the session's trainers and forget it
//     census      {session, request}               replies "census" {request, sessions, trainers} (for leak tests)
//     configure   {token, config, compare, added, layers?}  new trainer(s); replies "configured" then a frame
//                                                  layers: trained weights to start from (a model file's layers)
//     exportModel {request}                        replies "model" {request, text}: the first trainer's model file
//                                                  compare: activation for the second trainer or null
//                                                  added: [{x, y, label}] points added by clicking
//     reset       {}                               same config, same seed, same initial weights
//     play        {epochsPerFrame} / pause {}      train epochsPerFrame epochs per acknowledged frame, or
//                                                  fewer when they take over FRAME_BUDGET_MS
//     step        {epochs}                         train, then one frame
//     update      {partial}                        live hyperparameters (both trainers)
//     setWeight   {layer, to, from, value}         edit one weight of the first trainer, then one frame
//     setBias     {layer, to, value}               edit one bias of the first trainer, then one frame
//     view        {view}                           what frames carry (see DEFAULT_VIEW)
//     ack         {seq}                            the main thread drew frame `seq`; the next may come
//     visibility  {hidden}                         no training while the app is hidden (page hidden, scrolled away)
//     thumbnails  {points}                         every dataset's points, for the picker
//     ping        {}                               replies "pong" (no session): the page's check that the worker lives
//     memory      {session, request}               replies "memory" {request, memory}: core.memory() (for soaks)
//   worker -> main
//     ready       {version, catalog}
//     configured  {token, points, classes, regression, features}
//     frame       {token, seq, edits, reason, playing, a, b, trainMs}   a/b: snapshots (see snapshot())
//                                                  edits: weights and biases edited so far (never reset)
//     state       {playing, hidden}                hidden: playing but paused while the app cannot be seen
//     thumbnails  {sets: [{dataset, x, y, label}]}
//     error       {op, message}
// Typed arrays in frames are transferred, never shared. Every typed array the library returns
// is a fresh copy that owns its buffer (neuronGrids: views into one fresh buffer), so it is
// transferred as is; each buffer is transferred once and not touched afterwards.

import {DATASETS, DOMAIN, REGRESSION_DATASETS} from "../classifier/schema.js";
import {loadLibrary} from "../lib-loader.js";

const REGRESSION = new Set(REGRESSION_DATASETS);
/** The most training time one frame may take when an epoch is cheaper than that. */
const FRAME_BUDGET_MS = 40;
const THUMBNAIL_DATASETS = DATASETS;
const LINES = 13;
const LINE_SAMPLES = 48;

const DEFAULT_VIEW = {
  gridSize: 100, // predictGrid resolution (size x size)
  thumbSize: 24, // neuronGrids resolution for the network diagram; 0 = none
  focus: null, // {layer, index}: that unit's map at gridSize
  weights: true,
  stats: false, // layerStats + learnedParams
  hidden: null, // {layer, u, v}: hidden-space view
  compareGrid: true,
};


/** Set once the core has loaded; sessions only run after that. */
let core = null;
let startCore = null;
const corePromise = new Promise((resolve, reject) => {
  startCore = (libUrl, wasmModule) => {
    startCore = () => {};
    loadCoreOnce(libUrl, wasmModule).then(resolve, reject);
  };
});
const sessions = new Map();

self.onmessage = (event) => {
  const message = event.data;
  try {
    route(message);
  } catch (error) {
    postMessageTo(message?.session, {type: "error", op: message?.type, message: errorText(error), ...errorFields(error)});
  }
};

function route(message) {
  switch (message.type) {
    case "init":
      startCore(message.libUrl, message.wasmModule);
      return;
    case "open":
      openSession(message.session);
      return;
    case "memory":
      postMessageTo(message.session, {type: "memory", request: message.request, memory: core?.memory() ?? null});
      return;
    case "ping":
      self.postMessage({type: "pong"});
      return;
    case "close":
      sessions.get(message.session)?.close();
      sessions.delete(message.session);
      return;
    case "census": {
      let trainers = 0;
      for (const session of sessions.values()) trainers += session.trainerCount();
      postMessageTo(message.session, {type: "census", request: message.request, sessions: sessions.size, trainers});
      return;
    }
    default: {
      const session = sessions.get(message.session);
      if (!session) throw new Error(`no open session ${String(message.session)}`);
      session.handle(message);
    }
  }
}

async function loadCoreOnce(libUrl, wasmModule) {
  const lib = await loadLibrary(libUrl);
  core = await lib.loadCore(wasmModule ? {wasmModule} : {});
  return core;
}

/** A session answers "ready" (with the catalog) once the core has loaded, or an init error. */
function openSession(id) {
  if (sessions.has(id)) throw new Error(`session ${String(id)} is already open`);
  const session = createSession(id);
  sessions.set(id, session);
  corePromise.then(
    (loaded) => {
      if (sessions.get(id) === session) postMessageTo(id, {type: "ready", version: loaded.version, catalog: loaded.activations()});
    },
    (error) => postMessageTo(id, {type: "error", op: "init", message: errorText(error), ...errorFields(error)}),
  );
}

/**
 * One app's training: its trainers, view and play state. Every message it sends names it, so
 * one worker (one wasm instance) serves every app of a page.
 */
function createSession(id) {
  const post = (message, transfer = []) => postMessageTo(id, message, transfer);
  let token = 0;
  let trainers = {a: null, b: null};
  let lastConfigure = null;
  let info = null;
  let unitCounts = [];
  /** The hidden-space inputs for the current points: every data point, then the fixed grid of input lines. */
  let hiddenInputs = null;
  let view = {...DEFAULT_VIEW};
  let playing = false;
  let epochsPerFrame = 1;
  let pageHidden = false;
  let awaitingAck = false;
  let seq = 0;
  let edits = 0;
  let pumpQueued = false;

  function handle(message) {
    switch (message.type) {
      case "configure":
        lastConfigure = message;
        configure(message);
        break;
      case "exportModel":
        post({type: "model", request: message.request, text: trainers.a ? trainers.a.exportModel() : null});
        break;
      case "reset":
        if (lastConfigure) configure(lastConfigure, "reset");
        break;
      case "play":
        epochsPerFrame = message.epochsPerFrame ?? epochsPerFrame;
        setPlaying(true);
        break;
      case "pause":
        setPlaying(false);
        break;
      case "step":
        if (!trainers.a) break;
        setPlaying(false);
        trainAll(message.epochs ?? 1);
        sendFrame("step");
        break;
      case "epochsPerFrame":
        epochsPerFrame = message.epochsPerFrame;
        break;
      case "update":
        for (const trainer of activeTrainers()) trainer.update(message.partial);
        if (!playing) sendFrame("update");
        break;
      case "setWeight":
        if (!trainers.a) break;
        trainers.a.setWeight(message.layer, message.to, message.from, message.value);
        edits += 1;
        if (!playing) sendFrame("weight");
        break;
      case "setBias":
        if (!trainers.a) break;
        trainers.a.setBias(message.layer, message.to, message.value);
        edits += 1;
        if (!playing) sendFrame("weight");
        break;
      case "view":
        view = {...DEFAULT_VIEW, ...message.view};
        if (!playing && trainers.a) sendFrame("view");
        break;
      case "ack":
        if (message.seq === seq) awaitingAck = false;
        queuePump();
        break;
      case "visibility":
        if (pageHidden === Boolean(message.hidden)) break;
        pageHidden = Boolean(message.hidden);
        post({type: "state", playing, hidden: pageHidden});
        queuePump();
        break;
      case "thumbnails":
        post({type: "thumbnails", sets: datasetThumbnails(message.points ?? 150)});
        break;
      default:
        throw new Error(`unknown message type ${message.type}`);
    }
  }

  function activeTrainers() {
    return [trainers.a, trainers.b].filter(Boolean);
  }

  function disposeTrainers() {
    for (const trainer of activeTrainers()) trainer.dispose();
    trainers = {a: null, b: null};
  }

  /** Builds the trainer(s) for a configuration; points added by clicking turn the dataset into "custom". */
  function configure(message, reason = "configure") {
    if (!core) throw new Error("the core is not loaded yet");
    const wasPlaying = playing;
    setPlaying(false);
    disposeTrainers();
    token = message.token;
    const base = message.config;
    const config = withAddedPoints(base, message.added ?? []);
    trainers.a = core.createTrainer(config);
    if (message.layers) {
      // Weights from a shared link: the same configuration, starting from the trained layers.
      const started = trainers.a;
      try {
        trainers.a = core.importModel({format: 1, config: started.config(), layers: message.layers});
        started.dispose();
      } catch (error) {
        trainers.a = started;
        post({type: "error", op: "weights", message: errorText(error), ...errorFields(error)});
      }
    }
    if (message.compare) {
      try {
        trainers.b = core.createTrainer({...config, activation: sameForEveryLayer(message.compare, base.hidden.length)});
      } catch (error) {
        post({type: "error", op: "compare", message: errorText(error), ...errorFields(error)});
      }
    }
    const points = trainers.a.points();
    hiddenInputs = hiddenSpaceInputs(points);
    info = {
      regression: REGRESSION.has(base.dataset),
      classes: REGRESSION.has(base.dataset) ? 1 : base.classes ?? 2,
      features: base.features,
    };
    // Units per layer from the inputs to the outputs, to check a focused unit still exists.
    unitCounts = [base.features.length, ...base.hidden, trainers.a.weights().at(-1).outputs];
    post({type: "configured", token, reason, points, ...info}, transferables(points));
    sendFrame(reason);
    if (wasPlaying && reason === "reset") setPlaying(true);
  }

  function withAddedPoints(config, added) {
    if (added.length === 0) return config;
    const probe = core.createTrainer({...config, hidden: [], activation: "tanh"});
    let points;
    try {
      points = probe.points();
    } finally {
      probe.dispose();
    }
    const data = {x: Array.from(points.x), y: Array.from(points.y), label: Array.from(points.label)};
    for (const point of added) {
      data.x.push(point.x);
      data.y.push(point.y);
      data.label.push(point.label);
    }
    const {dataset, points: count, noise, classes, ...rest} = config;
    return {...rest, dataset: "custom", data, batchSize: Math.min(config.batchSize, Math.max(1, Math.floor(data.x.length * config.trainFraction)))};
  }

  function setPlaying(value) {
    if (playing === value) return;
    playing = value;
    post({type: "state", playing, hidden: pageHidden});
    queuePump();
  }

  function queuePump() {
    if (pumpQueued) return;
    pumpQueued = true;
    setTimeout(pump, 0);
  }

  /** One animation tick: train, then send a frame; the next tick waits for the main thread's ack. */
  function pump() {
    pumpQueued = false;
    if (!playing || pageHidden || awaitingAck || !trainers.a) return;
    trainAll(epochsPerFrame);
    awaitingAck = true;
    sendFrame("tick");
    if (trainers.a.metrics().diverged) setPlaying(false);
  }

  let lastTrainMs = 0;
  /**
   * Trains up to `epochs` epochs, one at a time, and stops early once FRAME_BUDGET_MS have
   * passed: a large configuration at many epochs per frame still sends a frame (and reads
   * Pause, Step and setting changes) after every epoch or so, not after minutes.
   */
  function trainAll(epochs) {
    const start = performance.now();
    for (let done = 0; done < epochs; done++) {
      for (const trainer of activeTrainers()) {
        if (!trainer.metrics().diverged) trainer.train(1);
      }
      if (performance.now() - start >= FRAME_BUDGET_MS) break;
    }
    lastTrainMs = performance.now() - start;
  }

  function sendFrame(reason) {
    if (!trainers.a) return;
    seq += 1;
    const transfers = [];
    const a = snapshot(trainers.a, true, transfers);
    const b = trainers.b ? snapshot(trainers.b, false, transfers) : null;
    post({type: "frame", token, seq, edits, reason, playing, a, b, trainMs: lastTrainMs}, transfers);
  }

  /** What the main thread draws for one trainer. */
  function snapshot(trainer, primary, transfers) {
    const out = {metrics: trainer.metrics(), history: trainer.history()};
    transfers.push(...transferables(out.history));
    if (primary || view.compareGrid) {
      out.grid = trainer.predictGrid({size: view.gridSize, ...DOMAIN});
      out.gridSize = view.gridSize;
      transfers.push(out.grid.buffer);
    }
    if (!primary) return out;
    if (view.thumbSize > 0) {
      out.units = packUnits(trainer.neuronGrids({size: view.thumbSize, ...DOMAIN}));
      out.units.size = view.thumbSize;
      transfers.push(out.units.values.buffer);
    }
    const focus = view.focus;
    if (focus && Number.isInteger(focus.index) && focus.index >= 0 && focus.index < (unitCounts[focus.layer + 1] ?? 0)) {
      const grid = trainer.neuronGrid(focus.layer, focus.index, {size: view.gridSize, ...DOMAIN});
      out.focus = {layer: focus.layer, index: focus.index, grid, size: view.gridSize};
      transfers.push(grid.buffer);
    }
    if (view.weights) {
      out.weights = trainer.weights().map(({inputs, outputs, weights, biases}) => ({inputs, outputs, weights, biases}));
      for (const layer of out.weights) transfers.push(layer.weights.buffer, layer.biases.buffer);
    }
    if (view.stats) {
      out.stats = trainer.layerStats();
      out.learned = trainer.learnedParams().map((p) => ({layer: p.layer, name: p.name, values: Array.from(p.values)}));
    }
    if (view.hidden) {
      out.hidden = hiddenSpace(trainer, view.hidden);
      if (out.hidden) transfers.push(out.hidden.points.buffer, out.hidden.lines.buffer);
    }
    return out;
  }

  /** neuronGrids' grids are consecutive views into one fresh buffer: send that buffer whole. */
  function hiddenSpace(trainer, {layer, u, v}) {
    if (!hiddenInputs) return null;
    const {xs, ys, n, lineCount} = hiddenInputs;
    const out = trainer.transform(layer, xs, ys);
    const width = out.length / xs.length;
    if (!(u < width && v < width)) return null;
    const pick = (from, count) => {
      const result = new Float32Array(2 * count);
      for (let i = 0; i < count; i++) {
        result[2 * i] = out[(from + i) * width + u];
        result[2 * i + 1] = out[(from + i) * width + v];
      }
      return result;
    };
    return {layer, u, v, width, points: pick(0, n), lines: pick(n, lineCount), lineCount: 2 * LINES, lineSamples: LINE_SAMPLES};
  }

  /** The inputs hiddenSpace maps: the data points' x/y, then the input lines; built once per configure. */

  return {
    handle,
    close() {
      setPlaying(false);
      disposeTrainers();
    },
    trainerCount: () => activeTrainers().length,
  };
}

function sameForEveryLayer(activation, layers) {
  return layers === 0 ? activation : Array.from({length: layers}, () => activation);
}

function packUnits(units) {
  const size = units.length ? units[0].grid.length : 0;
  const values = units.length ? new Float32Array(units[0].grid.buffer, units[0].grid.byteOffset, units.length * size) : new Float32Array(0);
  const layers = units.map((unit) => unit.layer);
  const indices = units.map((unit) => unit.index);
  return {values, layers, indices, count: units.length};
}

/**
 * Two units of one hidden layer as coordinates: every data point, and a grid of input
 * lines (LINES vertical then LINES horizontal, LINE_SAMPLES points each) mapped through the network.
 */
function hiddenSpaceInputs(points) {
  const n = points.x.length;
  const lineCount = 2 * LINES * LINE_SAMPLES;
  const xs = new Float64Array(n + lineCount);
  const ys = new Float64Array(n + lineCount);
  xs.set(points.x);
  ys.set(points.y);
  let k = n;
  for (let orientation = 0; orientation < 2; orientation++) {
    for (let line = 0; line < LINES; line++) {
      const fixed = DOMAIN.xMin + (line * (DOMAIN.xMax - DOMAIN.xMin)) / (LINES - 1);
      for (let s = 0; s < LINE_SAMPLES; s++) {
        const moving = DOMAIN.xMin + (s * (DOMAIN.xMax - DOMAIN.xMin)) / (LINE_SAMPLES - 1);
        xs[k] = orientation === 0 ? fixed : moving;
        ys[k] = orientation === 0 ? moving : fixed;
        k++;
      }
    }
  }
  return {xs, ys, n, lineCount};
}

function datasetThumbnails(count) {
  return THUMBNAIL_DATASETS.map((dataset) => {
    const trainer = core.createTrainer({dataset, points: count, noise: 0, seed: 1, hidden: []});
    try {
      const points = trainer.points();
      return {dataset, x: Float32Array.from(points.x), y: Float32Array.from(points.y), label: Float32Array.from(points.label)};
    } finally {
      trainer.dispose();
    }
  });
}

function transferables(object) {
  return Object.values(object)
    .filter((value) => ArrayBuffer.isView(value))
    .map((value) => value.buffer);
}

function postMessageTo(session, message, transfer = []) {
  self.postMessage({...message, session}, [...new Set(transfer)]);
}

/** The core's machine-readable code and fields, so the page can say the error in its reader's language. */
function errorFields(error) {
  return error?.code ? {code: String(error.code), details: {...error.details}} : {};
}

function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
