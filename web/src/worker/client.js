// The main thread's handle on the trainer worker. One worker per page (per library URL) serves
// every app through sessions: one wasm instance, however many apps are mounted.
import {loadLibrary} from "../lib-loader.js";

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

/** The page's worker for `libUrl`, started on first use; replies are routed to their session. */
function sharedWorker(libUrl) {
  let shared = workers.get(libUrl);
  if (shared) return shared;
  const worker = createWorker();
  const sessions = new Map();
  worker.onmessage = (event) => sessions.get(event.data.session)?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    for (const onMessage of sessions.values()) onMessage({type: "error", op: "worker", message: event.message || "worker failed to start"});
  };
  // The worker instantiates the module the page compiled: one fetch and one compile per page.
  loadLibrary(libUrl)
    .then((lib) => lib.compileCore())
    .then(
      (wasmModule) => worker.postMessage({type: "init", libUrl, wasmModule}),
      () => worker.postMessage({type: "init", libUrl}),
    );
  shared = {worker, sessions};
  workers.set(libUrl, shared);
  return shared;
}

/**
 * Opens a training session. `onMessage` receives the worker's replies for this session only.
 * Returns {send(type, payload), census(): Promise<{sessions, trainers}>, exportModel(): Promise<string | null>, close()}.
 */
export function createTrainerClient({libUrl, onMessage}) {
  const {worker, sessions} = sharedWorker(libUrl);
  const session = nextSession++;
  // Replies to request(): census and model carry the request's number back.
  const pending = new Map();
  let nextRequest = 1;
  sessions.set(session, (message) => {
    const resolve = message.request !== undefined ? pending.get(message.request) : null;
    if (resolve) {
      pending.delete(message.request);
      resolve(message);
    } else {
      onMessage(message);
    }
  });
  let closed = false;
  const send = (type, payload = {}) => {
    if (!closed) worker.postMessage({type, ...payload, session});
  };
  send("open");
  /** Sends a message the worker answers, and resolves with the answer. */
  const request = (type) =>
    new Promise((resolve) => {
      const id = nextRequest++;
      pending.set(id, resolve);
      worker.postMessage({type, request: id, session});
    });
  return {
    send,
    /** How many sessions and live trainers the worker holds, for every app of the page. */
    census: () => request("census").then(({sessions: count, trainers}) => ({sessions: count, trainers})),
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
