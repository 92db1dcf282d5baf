// Sigmoid's derivative is at most 0.25, so backpropagation through six sigmoid layers shrinks
// the gradient layer by layer. The measurement: the ratio of the first to the last hidden layer's
// weight-gradient norm over the first epoch, for sigmoid (Xavier), tanh (Xavier) and ReLU (He).
import {eachRun, geometricMean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3];
const DEPTH = 6;
const HIDDEN = Array(DEPTH).fill(8);
const SETUPS = [
  {activation: "sigmoid", init: "xavier"},
  {activation: "tanh", init: "xavier"},
  {activation: "relu", init: "he"},
];

export default {
  id: "vanishing-gradients",
  seeds: SEEDS,
  base: {dataset: "circle", points: 200, noise: 0, hidden: HIDDEN, act: Array(DEPTH).fill("sigmoid"), init: "xavier", initScale: 1, biasInit: 0, opt: "sgd", lr: 0.03, std: false, seed: 1, compare: false},
  steps: [
    {state: {exFns: ["sigmoid", "relu"], exParams: ["-", "-"], exDepth: DEPTH}},
    {state: {}},
    {state: {act: Array(DEPTH).fill("relu"), init: "he"}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const runs = eachRun(SETUPS, seeds, onProgress, (setup, seed) => {
      const norms = withTrainer(core, {dataset: "circle", points: 200, hidden: HIDDEN, ...setup, seed}, (trainer) => {
        trainer.train(1);
        return trainer.layerStats().map((layer) => layer.gradNorm);
      });
      return {first: norms[0], last: norms[DEPTH - 1], ratio: norms[0] / norms[DEPTH - 1]};
    });
    const rows = SETUPS.map((setup, i) => {
      const mine = runs[i];
      return {
        activation: setup.activation,
        init: setup.init,
        first: geometricMean(mine.map((run) => run.first)),
        last: geometricMean(mine.map((run) => run.last)),
        ratio: geometricMean(mine.map((run) => run.ratio)),
        worstRatio: Math.max(...mine.map((run) => run.ratio)),
      };
    });
    const [sigmoid, , relu] = rows;
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "init", format: "text"},
        {key: "first", format: "exp"},
        {key: "last", format: "exp"},
        {key: "ratio", format: "exp"},
      ],
      rows,
      verdicts: [{
        key: sigmoid.worstRatio < 0.01 && relu.ratio > 0.1 ? "holds" : "fails",
        vars: {sigmoid: sigmoid.ratio, relu: relu.ratio, factor: relu.ratio / sigmoid.ratio},
        formats: {sigmoid: "exp", relu: "exp", factor: "int"},
      }],
      figures: {rows, runs: runs.flatMap((mine, i) => mine.map(({ratio}, j) => ({activation: SETUPS[i].activation, seed: seeds[j], ratio})))},
    };
  },
};
