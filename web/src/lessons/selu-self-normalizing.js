// Klambauer et al. (2017): with SELU, LeCun-normal weights and standardised inputs, activations
// keep mean ≈ 0 and standard deviation ≈ 1 from layer to layer. The measurement: per-layer
// activation mean and standard deviation through 8 dense layers of 16, at initialisation and
// after 30 epochs of Adam, for SELU + LeCun against ReLU + Xavier and sigmoid + Xavier.
import {eachRun, hiddenStats, mean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3];
const DEPTH = 8;
const HIDDEN = Array(DEPTH).fill(16);
const EPOCHS = 30;
const SETUPS = [
  {activation: "selu", init: "lecun"},
  {activation: "relu", init: "xavier"},
  {activation: "sigmoid", init: "xavier"},
];

const moments = (trainer) => hiddenStats(trainer.layerStats()).map((layer) => ({mean: layer.actMean, std: layer.actStd}));

export default {
  id: "selu-self-normalizing",
  seeds: SEEDS,
  base: {dataset: "spiral", points: 400, noise: 0, hidden: HIDDEN, act: Array(DEPTH).fill("selu"), init: "lecun", initScale: 1, biasInit: 0, opt: "adam", lr: 0.003, std: true, seed: 1, compare: false},
  steps: [
    {state: {exFns: ["selu", "elu"], exParams: ["-", "-"]}},
    {state: {}},
    {state: {act: Array(DEPTH).fill("relu"), init: "xavier"}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const runs = eachRun(SETUPS, seeds, onProgress, (setup, seed) => {
      const config = {dataset: "spiral", points: 400, standardize: true, hidden: HIDDEN, optimizer: "adam", learningRate: 0.003, ...setup, seed};
      return withTrainer(core, config, (trainer) => {
        const before = moments(trainer);
        trainer.train(EPOCHS);
        return {before, after: moments(trainer)};
      });
    });
    const rows = SETUPS.flatMap((setup, i) => {
      const mine = runs[i];
      return ["before", "after"].map((when) => {
        const at = (layer, key) => mean(mine.map((run) => run[when][layer][key]));
        return {
          activation: `${setup.activation} + ${setup.init}`,
          when,
          mean1: at(0, "mean"),
          std1: at(0, "std"),
          mean8: at(DEPTH - 1, "mean"),
          std8: at(DEPTH - 1, "std"),
          worstMean: Math.max(...mine.flatMap((run) => run[when].map((layer) => Math.abs(layer.mean)))),
        };
      });
    });
    const find = (activation, when) => rows.find((row) => row.activation.startsWith(`${activation} `) && row.when === when);
    const seluInit = find("selu", "before");
    const seluAfter = find("selu", "after");
    const reluInit = find("relu", "before");
    const holdsAtInit = seluInit.worstMean < 0.15 && seluInit.std8 > 0.5 && seluInit.std8 < 1.5 && reluInit.std8 < reluInit.std1 / 2;
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "when", format: "message"},
        {key: "mean1", format: "fixed2"},
        {key: "std1", format: "fixed2"},
        {key: "mean8", format: "fixed2"},
        {key: "std8", format: "fixed2"},
        {key: "worstMean", format: "fixed2"},
      ],
      rows,
      verdicts: [
        {
          key: holdsAtInit ? "initHolds" : "initFails",
          vars: {seluMean: seluInit.worstMean, seluStd: seluInit.std8, reluStd1: reluInit.std1, reluStd8: reluInit.std8, sigmoidMean: find("sigmoid", "before").mean8},
          formats: {seluMean: "fixed2", seluStd: "fixed2", reluStd1: "fixed2", reluStd8: "fixed2", sigmoidMean: "fixed2"},
        },
        {
          key: seluAfter.std8 > 1.5 || seluAfter.worstMean > 0.3 ? "afterDrifts" : "afterHolds",
          vars: {std: seluAfter.std8, worstMean: seluAfter.worstMean, epochs: EPOCHS},
          formats: {std: "fixed2", worstMean: "fixed2", epochs: "int"},
        },
      ],
      figures: {rows},
    };
  },
};
