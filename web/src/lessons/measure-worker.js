// The lesson worker: runs a lesson's measurement (many short trainings) off the main thread,
// on its own core instance, so neither the page nor the classifier's training waits for it.
//   main -> worker  measure {id, seeds?, libUrl, wasmModule?}
//   worker -> main  progress {done, total}; result {result, ms}; error {message}
// One measurement per worker: the page starts a fresh worker for each (measure-client.js).
// The main thread stops a measurement by terminating the worker.
import {lessonById} from "./index.js";
import {loadLibrary} from "../lib-loader.js";

let corePromise = null;

self.onmessage = async (event) => {
  const {type, id, seeds, libUrl, wasmModule} = event.data;
  if (type !== "measure") return;
  try {
    corePromise ??= loadLibrary(libUrl).then((lib) => lib.loadCore(wasmModule ? {wasmModule} : {}));
    const core = await corePromise;
    const lesson = lessonById(id);
    if (!lesson) throw new Error(`no lesson ${String(id)}`);
    const started = performance.now();
    const {columns, rows, verdicts, chart} = lesson.measure(core, {
      seeds: seeds ?? lesson.seeds,
      onProgress: ({done, total}) => self.postMessage({type: "progress", done, total}),
    });
    self.postMessage({type: "result", result: {columns, rows, verdicts, chart, seeds: seeds ?? lesson.seeds}, ms: performance.now() - started});
  } catch (error) {
    self.postMessage({type: "error", message: error?.message ?? String(error)});
  }
};
