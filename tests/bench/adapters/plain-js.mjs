// The "good JS" bound (tests/bench/plain-js-mlp.mjs) as a benchmark implementation.
import { PlainMlp } from "../plain-js-mlp.mjs";

export const info = { id: "plain-js", label: "plain JS (Float64Array)", precision: "float64" };

export async function load() {
  return {
    ...info,
    /** `task` from run.mjs: {model, data, layers, learningRate, batchSize, grid}. */
    instance(task) {
      const net = new PlainMlp({
        layers: task.layers,
        learningRate: task.learningRate,
        batchSize: task.batchSize,
        features: task.model.features,
      });
      const grid = new Float32Array(task.grid.size * task.grid.size);
      let neurons = null;
      return {
        trainPass: () => net.trainEpoch(task.data.train),
        epoch: () => net.epoch(task.data),
        trainLoss: () => net.evaluate(task.data.train).loss,
        boundary: () => net.predictGrid(task.grid, grid),
        neuronGrids: () => (neurons = net.neuronGrids(task.grid, neurons ?? undefined)),
        dispose() {},
      };
    },
  };
}
