// tanh is symmetric about 0 and ELU's negative side reaches −α, so their activations average
// nearer zero than sigmoid's (always positive, centred on ½) or ReLU's (never negative). The
// measurement: each hidden layer's mean activation over the training points, at initialisation
// and after 100 epochs.
import {eachRun, hiddenStats, mean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3];
const HIDDEN = [8, 8, 8];
const EPOCHS = 100;
const ACTIVATIONS = ["sigmoid", "relu", "elu", "tanh"];

const layerMeans = (trainer) => hiddenStats(trainer.layerStats()).map((layer) => layer.actMean);

export default {
  id: "zero-mean",
  seeds: SEEDS,
  base: {dataset: "circle", points: 200, noise: 0, hidden: HIDDEN, act: Array(3).fill("sigmoid"), init: "xavier", initScale: 1, biasInit: 0, opt: "sgd", lr: 0.03, std: true, seed: 1, compare: false},
  steps: [
    {state: {exFns: ["sigmoid", "relu", "elu", "tanh"], exParams: ["-", "-", "-", "-"]}},
    {state: {}},
    {state: {act: Array(3).fill("tanh")}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const runs = eachRun(ACTIVATIONS, seeds, onProgress, (activation, seed) =>
      withTrainer(core, {dataset: "circle", points: 200, standardize: true, hidden: HIDDEN, activation, seed}, (trainer) => {
        const before = layerMeans(trainer);
        trainer.train(EPOCHS);
        return {before, after: layerMeans(trainer)};
      }),
    );
    const rows = ACTIVATIONS.map((activation, i) => {
      const mine = runs[i];
      const perLayer = (key, layer) => mean(mine.map((run) => run[key][layer]));
      const row = {activation};
      HIDDEN.forEach((_, layer) => (row[`layer${layer + 1}`] = perLayer("before", layer)));
      row.meanAbsBefore = mean(mine.flatMap((run) => run.before.map(Math.abs)));
      row.meanAbsAfter = mean(mine.flatMap((run) => run.after.map(Math.abs)));
      return row;
    });
    const row = (name) => rows.find((r) => r.activation === name);
    const centredWorst = Math.max(row("tanh").meanAbsBefore, row("elu").meanAbsBefore);
    const positiveBest = Math.min(row("sigmoid").meanAbsBefore, row("relu").meanAbsBefore);
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "layer1", format: "fixed2"},
        {key: "layer2", format: "fixed2"},
        {key: "layer3", format: "fixed2"},
        {key: "meanAbsBefore", format: "fixed3"},
        {key: "meanAbsAfter", format: "fixed3"},
      ],
      rows,
      verdicts: [
        {
          key: centredWorst < positiveBest ? "holds" : "fails",
          vars: {tanh: row("tanh").meanAbsBefore, elu: row("elu").meanAbsBefore, relu: row("relu").meanAbsBefore, sigmoid: row("sigmoid").meanAbsBefore},
          formats: {tanh: "fixed3", elu: "fixed3", relu: "fixed3", sigmoid: "fixed3"},
        },
        {
          key: row("tanh").meanAbsAfter < Math.min(row("sigmoid").meanAbsAfter, row("relu").meanAbsAfter) ? "afterHolds" : "afterFails",
          vars: {tanh: row("tanh").meanAbsAfter, elu: row("elu").meanAbsAfter, relu: row("relu").meanAbsAfter, sigmoid: row("sigmoid").meanAbsAfter},
          formats: {tanh: "fixed3", elu: "fixed3", relu: "fixed3", sigmoid: "fixed3"},
        },
      ],
      figures: {rows},
    };
  },
};
