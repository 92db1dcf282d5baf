// The main thread's side of the lesson worker: one measurement at a time; starting another or
// cancelling terminates the worker (a measurement is synchronous inside it), the next run starts
// a fresh one with the page's compiled module.
import {postWithCompiledCore} from "../lib-loader.js";

let createWorker = () => new Worker(new URL("./measure-worker.js", import.meta.url), {type: "module"});

/** Replaces how the worker is started (the element's build inlines it and starts it from a Blob URL). */
export function setMeasureWorkerFactory(factory) {
  createWorker = factory;
}

/**
 * Runs lesson `id`'s measurement in a worker.
 * @returns {{done: Promise<{result, ms}>, cancel(): void}}; onProgress({done, total}) while it runs
 */
export function runMeasurement({libUrl, id, seeds, onProgress}) {
  const worker = createWorker();
  let settle = null;
  const done = new Promise((resolve, reject) => {
    settle = {resolve, reject};
  });
  worker.onmessage = ({data}) => {
    if (data.type === "progress") onProgress?.(data);
    else if (data.type === "result") finish(() => settle.resolve({result: data.result, ms: data.ms}));
    else if (data.type === "error") finish(() => settle.reject(new Error(data.message)));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish(() => settle.reject(new Error(event.message || "the lesson worker failed to start")));
  };
  const finish = (then) => {
    worker.terminate();
    then();
  };
  postWithCompiledCore(worker, libUrl, {type: "measure", id, seeds, libUrl});
  return {
    done,
    cancel: () => finish(() => settle.reject(Object.assign(new Error("cancelled"), {cancelled: true}))),
  };
}
