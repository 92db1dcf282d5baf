// This project's WebAssembly core through its public library (dist/lib/activation-playground.mjs).
// The epoch is train(1): one SGD pass plus the metrics the trainer computes after every epoch.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const info = { id: "core-wasm", label: "core wasm (this project)", precision: "float64" };

export const LIB_URL = new URL("../../../dist/lib/activation-playground.mjs", import.meta.url);

let corePromise = null;

/** The loaded core, or throws an Error whose message says why it is not available yet. */
export async function loadCoreOrExplain() {
  if (!existsSync(fileURLToPath(LIB_URL))) {
    throw new Error("not available yet: dist/lib/activation-playground.mjs is missing (npm run build)");
  }
  corePromise ??= import(LIB_URL.href).then((lib) => lib.loadCore());
  return corePromise;
}

/** The two-spirals points as the core generates them (so every implementation trains on them). */
export async function corePoints(config) {
  const core = await loadCoreOrExplain();
  const trainer = core.createTrainer(config);
  try {
    const p = trainer.points();
    return {
      x: Float64Array.from(p.x),
      y: Float64Array.from(p.y),
      label: Int32Array.from(p.label),
      isTest: Uint8Array.from(p.isTest),
      source: "this project's core (createTrainer(...).points())",
    };
  } finally {
    trainer.dispose();
  }
}

export async function load() {
  let core;
  try {
    core = await loadCoreOrExplain();
  } catch (error) {
    const reason = error.message.startsWith("not available yet") ? error.message : `not available yet: ${error.message}`;
    return { ...info, unavailable: reason };
  }
  return {
    ...info,
    version: core.version,
    instance(task) {
      const trainer = core.importModel(task.modelJson);
      const p = trainer.points();
      const same =
        p.x.length === task.points.x.length &&
        p.x.every((v, i) => v === task.points.x[i] && p.y[i] === task.points.y[i] && p.isTest[i] === task.points.isTest[i]);
      if (!same) {
        trainer.dispose();
        throw new Error("importModel's trainer does not hold the benchmark's points (dataset, order or split differ)");
      }
      return {
        trainPass: null, // not separable from the per-epoch metrics through the public API
        epoch: () => trainer.train(1),
        trainLoss: () => trainer.metrics().trainLoss,
        exportedLayers: () => JSON.parse(trainer.exportModel()).layers,
        boundary: () => trainer.predictGrid(task.grid),
        neuronGrids: () => trainer.neuronGrids(task.grid),
        dispose: () => trainer.dispose(),
      };
    },
  };
}
