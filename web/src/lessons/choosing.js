// The rule of thumb (Géron, "Hands-On Machine Learning", ch. 11): SELU > ELU > leaky ReLU >
// ReLU > tanh > logistic. The measurement: a race of the six on `spiral`, three hidden layers of
// 8, Adam at 0.01, each with its usual initialisation (LeCun for SELU, He for the rectifiers,
// Xavier for tanh and sigmoid), over at least 5 seeds: test accuracy after 200 epochs and the
// first epoch at which test accuracy reaches 90%.
import {eachRun, mean, spread, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3, 4, 5];
const EPOCHS = 200;
const TARGET = 0.9;
/** The rule of thumb's order, best first. */
export const CLAIMED = ["selu", "elu", "leaky_relu", "relu", "tanh", "sigmoid"];
const RECTIFIERS = ["selu", "elu", "leaky_relu", "relu"];
const INIT = {selu: "lecun", elu: "he", leaky_relu: "he", relu: "he", tanh: "xavier", sigmoid: "xavier"};

/** Pairs (a before b in `claimed`) that `measured` also puts in that order, out of all pairs. */
export function agreeingPairs(claimed, measured) {
  let agree = 0;
  let total = 0;
  for (let i = 0; i < claimed.length; i++) {
    for (let j = i + 1; j < claimed.length; j++) {
      total++;
      if (measured.indexOf(claimed[i]) < measured.indexOf(claimed[j])) agree++;
    }
  }
  return {agree, total};
}

export default {
  id: "choosing",
  seeds: SEEDS,
  base: {dataset: "spiral", points: 400, noise: 0, hidden: [8, 8, 8], act: Array(3).fill("selu"), init: "lecun", initScale: 1, biasInit: 0, opt: "adam", lr: 0.01, std: false, seed: 1, compare: true, compareAct: "sigmoid"},
  steps: [
    {state: {}},
    {state: {act: Array(3).fill("relu"), init: "he", compareAct: "tanh"}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const runs = eachRun(CLAIMED, seeds, onProgress, (activation, seed) => {
      const config = {dataset: "spiral", points: 400, hidden: [8, 8, 8], activation, init: INIT[activation], optimizer: "adam", learningRate: 0.01, seed};
      return withTrainer(core, config, (trainer) => {
        let reached = null;
        let metrics = null;
        for (let epoch = 1; epoch <= EPOCHS; epoch++) {
          metrics = trainer.train(1);
          if (reached === null && metrics.testAccuracy >= TARGET) reached = epoch;
        }
        return {accuracy: metrics.testAccuracy, reached};
      });
    });
    const rows = CLAIMED.map((activation, i) => {
      const mine = runs[i];
      const reached = mine.map((run) => run.reached).filter((epoch) => epoch !== null);
      const accuracies = mine.map((run) => run.accuracy);
      return {
        activation,
        init: INIT[activation],
        accuracy: mean(accuracies),
        accuracySpread: spread(accuracies),
        reachedRuns: `${reached.length}/${mine.length}`,
        reachedEpochs: reached.length ? mean(reached) : null,
      };
    });
    const ranking = [...rows].sort((a, b) => b.accuracy - a.accuracy).map((row) => row.activation);
    const {agree, total} = agreeingPairs(CLAIMED, ranking);
    const rectifiers = rows.filter((row) => RECTIFIERS.includes(row.activation));
    const rectifierRange = Math.max(...rectifiers.map((row) => row.accuracy)) - Math.min(...rectifiers.map((row) => row.accuracy));
    const rectifierSpread = Math.max(...rectifiers.map((row) => row.accuracySpread));
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "init", format: "text"},
        {key: "accuracy", format: "percent"},
        {key: "accuracySpread", format: "percent"},
        {key: "reachedRuns", format: "text"},
        {key: "reachedEpochs", format: "int"},
      ],
      rows,
      verdicts: [
        {key: agree === total ? "holds" : agree >= total * 0.75 ? "mostly" : "fails", vars: {ranking: ranking.join(" > "), agree, total, seeds: seeds.length}, formats: {agree: "int", total: "int", seeds: "int"}},
        {
          key: rectifierRange <= rectifierSpread ? "close" : "apart",
          vars: {range: rectifierRange, spread: rectifierSpread},
          formats: {range: "percent", spread: "percent"},
        },
        {key: "why", vars: {}},
      ],
      figures: {rows, ranking, agree, total, rectifierRange, rectifierSpread},
    };
  },
};
