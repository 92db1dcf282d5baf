// One hidden layer of enough units can approximate any continuous function (Cybenko 1989,
// Hornik 1991). "Enough" is the catch: the measurement is the test accuracy of one tanh layer
// of 1 to 64 units on `circle` and on `spiral`, with a fixed training budget.
import {eachRun, mean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3];
const WIDTHS = [1, 2, 4, 8, 16, 32, 64];
const DATASETS = [
  {dataset: "circle", epochs: 100},
  {dataset: "spiral", epochs: 300},
];
const SETUPS = DATASETS.flatMap((data) => WIDTHS.map((width) => ({...data, width})));

/** Weights and biases of x, y → width → 1 (null for no width). */
const parameterCount = (width) => (width === null ? null : 2 * width + width + width + 1);

export default {
  id: "universal-approximation",
  seeds: SEEDS,
  base: {dataset: "circle", points: 400, noise: 0, hidden: [2], act: ["tanh"], init: "xavier", initScale: 1, biasInit: 0, opt: "adam", lr: 0.03, std: false, seed: 1, compare: false},
  steps: [
    {state: {}},
    {state: {hidden: [8]}},
    {state: {dataset: "spiral", hidden: [8]}},
    {state: {dataset: "spiral", hidden: [64]}},
    {state: {dataset: "spiral", hidden: [64]}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const accuracies = eachRun(SETUPS, seeds, onProgress, (setup, seed) => {
      const config = {dataset: setup.dataset, points: 400, hidden: [setup.width], activation: "tanh", optimizer: "adam", learningRate: 0.03, seed};
      return withTrainer(core, config, (trainer) => trainer.train(setup.epochs).testAccuracy);
    });
    const rows = WIDTHS.map((width, w) => {
      const row = {width};
      // SETUPS runs over the widths within each dataset.
      DATASETS.forEach(({dataset}, d) => (row[dataset] = mean(accuracies[d * WIDTHS.length + w])));
      return row;
    });
    const firstAbove = (dataset, level) => rows.find((row) => row[dataset] >= level)?.width ?? null;
    const narrow = rows[0];
    const wide = rows[rows.length - 1];
    return {
      columns: [
        {key: "width", format: "int"},
        {key: "circle", format: "percent"},
        {key: "spiral", format: "percent"},
      ],
      rows,
      chart: {x: "width", y: ["circle", "spiral"]},
      verdicts: [
        {
          key: wide.circle > narrow.circle + 0.2 && wide.spiral > narrow.spiral + 0.2 ? "holds" : "fails",
          vars: {circle1: narrow.circle, circle64: wide.circle, spiral1: narrow.spiral, spiral64: wide.spiral},
          formats: {circle1: "percent", circle64: "percent", spiral1: "percent", spiral64: "percent"},
        },
        {
          key: "cost",
          vars: {circleWidth: firstAbove("circle", 0.95) ?? "—", spiralWidth: firstAbove("spiral", 0.9) ?? "—", spiralParams: parameterCount(firstAbove("spiral", 0.9)) ?? "—", spiralEpochs: DATASETS[1].epochs},
          formats: {spiralEpochs: "int", spiralParams: "int"},
        },
      ],
      figures: {rows},
    };
  },
};
