// A ReLU unit whose pre-activation is negative at every input outputs 0 everywhere, gets no
// gradient and never comes back. Two ways in: every bias starting at −3, or a learning rate
// of 3. The measurement: the share of dead hidden units (derivative 0 at every training point)
// at initialisation and after 50 epochs, for ReLU against leaky ReLU, PReLU and ELU.
import {eachRun, hiddenStats, mean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3];
const HIDDEN = [8, 8];
const EPOCHS = 50;
const ACTIVATIONS = ["relu", "leaky_relu", "prelu", "elu"];
const CAUSES = [
  {cause: "bias", biasInit: -3, learningRate: 0.03},
  {cause: "rate", biasInit: 0, learningRate: 3},
];
const SETUPS = CAUSES.flatMap((cause) => ACTIVATIONS.map((activation) => ({...cause, activation})));

const deadShare = (trainer) => mean(hiddenStats(trainer.layerStats()).map((layer) => layer.deadFraction));

export default {
  id: "dying-relu",
  seeds: SEEDS,
  base: {dataset: "circle", points: 200, noise: 0, hidden: HIDDEN, act: ["relu", "relu"], init: "he", initScale: 1, biasInit: -3, opt: "sgd", lr: 0.03, std: false, seed: 1, compare: false},
  steps: [
    {state: {}},
    {state: {biasInit: 0, lr: 3}},
    {state: {act: ["leaky_relu", "leaky_relu"], compare: true, compareAct: "relu"}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const runs = eachRun(SETUPS, seeds, onProgress, (setup, seed) => {
      const config = {dataset: "circle", points: 200, hidden: HIDDEN, init: "he", activation: setup.activation, biasInit: setup.biasInit, learningRate: setup.learningRate, seed};
      return withTrainer(core, config, (trainer) => {
        const before = deadShare(trainer);
        const metrics = trainer.train(EPOCHS);
        return {before, after: deadShare(trainer), accuracy: metrics.testAccuracy, diverged: metrics.diverged};
      });
    });
    const rows = SETUPS.map((setup, i) => {
      const mine = runs[i];
      return {
        cause: setup.cause,
        activation: setup.activation,
        before: mean(mine.map((run) => run.before)),
        after: mean(mine.map((run) => run.after)),
        accuracy: mean(mine.map((run) => run.accuracy)),
        diverged: mine.filter((run) => run.diverged).length,
      };
    });
    const find = (cause, activation) => rows.find((row) => row.cause === cause && row.activation === activation);
    const othersDead = (cause) => Math.max(...rows.filter((row) => row.cause === cause && row.activation !== "relu").map((row) => row.after));
    const deadestOther = rows.filter((row) => row.cause === "rate" && row.activation !== "relu").reduce((a, b) => (b.after > a.after ? b : a));
    const reluBias = find("bias", "relu");
    const reluRate = find("rate", "relu");
    const divergedOthers = rows.filter((row) => row.cause === "rate" && row.activation !== "relu").reduce((sum, row) => sum + row.diverged, 0);
    return {
      columns: [
        {key: "cause", format: "message"},
        {key: "activation", format: "text"},
        {key: "before", format: "percent"},
        {key: "after", format: "percent"},
        {key: "accuracy", format: "percent"},
        {key: "diverged", format: "int"},
      ],
      rows,
      verdicts: [
        {
          key: reluBias.after > 0.3 && othersDead("bias") === 0 ? "biasHolds" : "biasFails",
          vars: {relu: reluBias.after, others: othersDead("bias")},
          formats: {relu: "percent", others: "percent"},
        },
        {
          key: reluRate.after > 0.3 ? "rateKills" : "rateSpares",
          vars: {relu: reluRate.after, diverged: divergedOthers, runs: 3 * seeds.length, others: othersDead("rate")},
          formats: {relu: "percent", diverged: "int", runs: "int", others: "percent"},
        },
        deadestOther.after > 0 ? {key: "blownUp", vars: {activation: deadestOther.activation, dead: deadestOther.after}, formats: {dead: "percent"}} : null,
      ].filter(Boolean),
      figures: {rows, runs: runs.flatMap((mine, i) => mine.map(({before, after}, j) => ({...SETUPS[i], seed: seeds[j], before, after})))},
    };
  },
};
