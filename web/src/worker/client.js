// The main thread's handle on the trainer worker. One worker per page (per library URL) serves
// every app through sessions: one wasm instance, however many apps are mounted.
import {postWithCompiledCore} from "../lib-loader.js";

const workers = new Map();
let nextSession = 1;
let createWorker = () => new Worker(new URL("./trainer-worker.js", import.meta.url), {type: "module"});

/**
 * Replaces how the worker is started. The element's build starts it from a Blob URL, because a
 * page refuses a worker script from another origin.
 */
export function setWorkerFactory(factory) {
  createWorker = factory;
}

/** How often the page asks the worker whether it is alive, and how long a silence means it died. */
const HEARTBEAT_MS = 2000;
const SILENCE_MS = 20000;
/** Restarts after errors within RESTART_WINDOW_MS before the page stops restarting and only reports. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60000;

/**
 * The page's worker for `libUrl`, started on first use; replies are routed to their session.
 * A worker that dies (an uncaught error, or silence: no answer to a ping for SILENCE_MS, as
 * after a crash) is replaced, and every session is told ("restarted") and opened again.
 */
function sharedWorker(libUrl) {
  let shared = workers.get(libUrl);
  if (shared) return shared;
  shared = {worker: null, sessions: new Map(), restart};
  workers.set(libUrl, shared);
  let lastHeard = 0;
  let heartbeat = null;
  const restarts = [];

  function start() {
    const worker = createWorker();
    lastHeard = performance.now();
    worker.onmessage = (event) => {
      lastHeard = performance.now();
      if (event.data.type !== "pong") shared.sessions.get(event.data.session)?.deliver(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const now = performance.now();
      while (restarts.length && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length < MAX_RESTARTS) {
        restarts.push(now);
        restart();
      } else {
        for (const session of shared.sessions.values()) session.deliver({type: "error", op: "worker", message: event.message || "worker failed to start"});
      }
    };
    // The worker instantiates the module the page compiled: one fetch and one compile per page.
    postWithCompiledCore(worker, libUrl, {type: "init", libUrl});
    shared.worker = worker;
    clearInterval(heartbeat);
    heartbeat = setInterval(() => {
      // Without sessions, or in a hidden page (whose timers are throttled), silence means nothing.
      if (shared.sessions.size === 0 || document.hidden) lastHeard = performance.now();
      else if (performance.now() - lastHeard > SILENCE_MS) return restart();
      shared.worker.postMessage({type: "ping"});
    }, HEARTBEAT_MS);
  }

  /** A fresh worker in place of the old one; each session reopens there and says so. */
  function restart() {
    shared.worker.terminate();
    start();
    for (const session of shared.sessions.values()) session.reopen();
  }

  start();
  return shared;
}

/**
 * Opens a training session. `onMessage` receives the worker's replies for this session only.
 * Returns {send(type, payload), census(): Promise<{sessions, trainers}>, memory(), exportModel(): Promise<string | null>, restart(), close()}.
 * `onMessage` also receives {type: "restarted"} when the worker was replaced; "ready" follows.
 */
export function createTrainerClient({libUrl, onMessage}) {
  const shared = sharedWorker(libUrl);
  const {sessions} = shared;
  const session = nextSession++;
  // Replies to request(): census and model carry the request's number back.
  const pending = new Map();
  let nextRequest = 1;
  const deliver = (message) => {
    const resolve = message.request !== undefined ? pending.get(message.request) : null;
    if (resolve) {
      pending.delete(message.request);
      resolve(message);
    } else {
      onMessage(message);
    }
  };
  // After a restart: requests in flight get no answer from the new worker; they resolve empty.
  const reopen = () => {
    for (const resolve of pending.values()) resolve({});
    pending.clear();
    onMessage({type: "restarted"});
    send("open");
  };
  sessions.set(session, {deliver, reopen});
  let closed = false;
  const send = (type, payload = {}) => {
    if (!closed) shared.worker.postMessage({type, ...payload, session});
  };
  send("open");
  /** Sends a message the worker answers, and resolves with the answer. */
  const request = (type) =>
    new Promise((resolve) => {
      const id = nextRequest++;
      pending.set(id, resolve);
      shared.worker.postMessage({type, request: id, session});
    });
  return {
    send,
    /** How many sessions and live trainers the worker holds, for every app of the page. */
    census: () => request("census").then(({sessions: count, trainers}) => ({sessions: count, trainers})),
    /** The worker's core.memory() (heap in use, wasm memory, handles, live trainers), or null before it loaded. */
    memory: () => request("memory").then((reply) => reply.memory ?? null),
    /** Replaces the page's worker (after the core failed to load: a retry), for every session. */
    restart: () => shared.restart(),
    /** The trained model file (JSON text) of the session's first trainer, or null before it exists. */
    exportModel: () => request("exportModel").then((reply) => reply.text),
    close() {
      if (closed) return;
      send("close");
      closed = true;
      // Replies still in flight (a frame, a census) are dropped with the session.
      sessions.delete(session);
    },
  };
}
