// Large initial weights push sigmoid and tanh units into their flat regions, where f' ≈ 0 and
// learning stalls. The measurement: the share of saturated hidden units at initialisation
// (the core's definition: |f'| < 0.01 on at least 90% of the training points) and the training
// loss after 1 and 100 epochs, at Xavier × 10 against plain Xavier.
import {eachRun, hiddenStats, mean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3, 4, 5];
const HIDDEN = [8, 8, 8];
const EPOCHS = 100;
const SETUPS = [
  {activation: "tanh", initScale: 10},
  {activation: "tanh", initScale: 1},
  {activation: "sigmoid", initScale: 10},
  {activation: "sigmoid", initScale: 1},
];

export default {
  id: "saturation",
  seeds: SEEDS,
  base: {dataset: "circle", points: 200, noise: 0, hidden: HIDDEN, act: Array(3).fill("tanh"), init: "xavier", initScale: 10, biasInit: 0, opt: "sgd", lr: 0.03, std: true, seed: 1, compare: false},
  steps: [
    {state: {exFns: ["sigmoid", "hardsigmoid"], exParams: ["-", "-"], exSatThreshold: 0.05}},
    {state: {}},
    {state: {initScale: 1}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const runs = eachRun(SETUPS, seeds, onProgress, (setup, seed) => {
      const config = {dataset: "circle", points: 200, standardize: true, hidden: HIDDEN, init: "xavier", ...setup, seed};
      return withTrainer(core, config, (trainer) => {
        const saturated = mean(hiddenStats(trainer.layerStats()).map((layer) => layer.saturatedFraction));
        const early = trainer.train(1).trainLoss;
        const late = trainer.train(EPOCHS - 1);
        return {saturated, early, late: late.trainLoss, accuracy: late.testAccuracy};
      });
    });
    const rows = SETUPS.map((setup, i) => {
      const mine = runs[i];
      const avg = (key) => mean(mine.map((run) => run[key]));
      return {activation: setup.activation, initScale: setup.initScale, saturated: avg("saturated"), early: avg("early"), late: avg("late"), accuracy: avg("accuracy")};
    });
    const [tanhLarge, tanhPlain, sigmoidLarge, sigmoidPlain] = rows;
    const tanhHolds = tanhLarge.saturated > tanhPlain.saturated && tanhLarge.late > tanhPlain.late;
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "initScale", format: "number"},
        {key: "saturated", format: "percent"},
        {key: "early", format: "fixed3"},
        {key: "late", format: "fixed3"},
        {key: "accuracy", format: "percent"},
      ],
      rows,
      verdicts: [{
        key: tanhHolds ? (sigmoidLarge.late < sigmoidPlain.late ? "tanhOnly" : "holds") : "fails",
        vars: {saturated: tanhLarge.saturated, lateLarge: tanhLarge.late, latePlain: tanhPlain.late, sigmoidLarge: sigmoidLarge.late, sigmoidPlain: sigmoidPlain.late},
        formats: {saturated: "percent", lateLarge: "fixed3", latePlain: "fixed3", sigmoidLarge: "fixed3", sigmoidPlain: "fixed3"},
      }],
      figures: {rows},
    };
  },
};
