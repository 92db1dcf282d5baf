// A layer whose inputs are all positive (sigmoid or ReLU outputs) gets, for one point and one
// unit, incoming weight gradients delta_j · input_i that all share delta_j's sign: the update
// can only move all of a unit's weights up or all down, and gradient descent zig-zags. The
// measurement: the core's same-sign fraction of the layers fed by activations (hidden layers
// 2 and 3 and the output), after one epoch.
import {eachRun, mean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3];
const HIDDEN = [8, 8, 8];
const ACTIVATIONS = ["sigmoid", "relu", "tanh", "elu"];

export default {
  id: "zigzag",
  seeds: SEEDS,
  base: {dataset: "circle", points: 200, noise: 0, hidden: HIDDEN, act: Array(3).fill("sigmoid"), init: "xavier", initScale: 1, biasInit: 0, opt: "sgd", lr: 0.03, std: false, seed: 1, compare: false},
  steps: [
    {state: {exFns: ["sigmoid", "tanh"], exParams: ["-", "-"]}},
    {state: {}},
    {state: {act: Array(3).fill("tanh")}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const runs = eachRun(ACTIVATIONS, seeds, onProgress, (activation, seed) => {
      const stats = withTrainer(core, {dataset: "circle", points: 200, hidden: HIDDEN, activation, seed}, (trainer) => {
        trainer.train(1);
        return trainer.layerStats();
      });
      // Layer 0 sees the raw inputs (x, y of both signs); the rest see activations.
      return {firstLayer: stats[0].sameSignFraction, fed: mean(stats.slice(1).map((layer) => layer.sameSignFraction))};
    });
    const rows = ACTIVATIONS.map((activation, i) => {
      const mine = runs[i];
      return {activation, firstLayer: mean(mine.map((run) => run.firstLayer)), fed: mean(mine.map((run) => run.fed))};
    });
    const row = (name) => rows.find((r) => r.activation === name);
    const positive = Math.min(row("sigmoid").fed, row("relu").fed);
    const centred = Math.max(row("tanh").fed, row("elu").fed);
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "firstLayer", format: "percent"},
        {key: "fed", format: "percent"},
      ],
      rows,
      verdicts: [
        {
          key: row("sigmoid").fed > 0.99 && centred < 0.05 ? "holds" : "fails",
          vars: {sigmoid: row("sigmoid").fed, relu: row("relu").fed, tanh: row("tanh").fed, elu: row("elu").fed},
          formats: {sigmoid: "percent", relu: "percent", tanh: "percent", elu: "percent"},
        },
        {key: "reluNote", vars: {relu: row("relu").fed}, formats: {relu: "percent"}},
      ],
      figures: {rows, positive, centred},
    };
  },
};
