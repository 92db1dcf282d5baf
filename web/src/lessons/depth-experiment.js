// In the manner of Glorot & Bengio (2010), "Understanding the difficulty of training deep
// feedforward neural networks": 1 to 5 hidden layers of 8 units × sigmoid, tanh, softsign
// (Xavier initialisation, plain SGD), on `circle`. The measurement: the first hidden layer's
// gradient norm over the first epoch and the test accuracy after 100 epochs, per depth.
import {eachRun, geometricMean, mean, withTrainer} from "./kit.js";

const SEEDS = [1, 2, 3];
const DEPTHS = [1, 2, 3, 4, 5];
const ACTIVATIONS = ["sigmoid", "tanh", "softsign"];
const EPOCHS = 100;
/** Test accuracy that counts as "learned" on circle, where chance is about 50%. */
const LEARNS = 0.75;
const SETUPS = ACTIVATIONS.flatMap((activation) => DEPTHS.map((depth) => ({activation, depth})));

export default {
  id: "depth-experiment",
  seeds: SEEDS,
  base: {dataset: "circle", points: 200, noise: 0, hidden: Array(5).fill(8), act: Array(5).fill("sigmoid"), init: "xavier", initScale: 1, biasInit: 0, opt: "sgd", lr: 0.03, std: false, seed: 1, compare: false},
  steps: [
    {state: {hidden: [8], act: ["sigmoid"]}},
    {state: {}},
    {state: {act: Array(5).fill("softsign"), compare: true, compareAct: "tanh"}},
    {state: {}, measure: true},
  ],
  measure(core, {seeds = SEEDS, onProgress} = {}) {
    const runs = eachRun(SETUPS, seeds, onProgress, (setup, seed) => {
      const config = {dataset: "circle", points: 200, hidden: Array(setup.depth).fill(8), activation: setup.activation, seed};
      return withTrainer(core, config, (trainer) => {
        trainer.train(1);
        const firstGrad = trainer.layerStats()[0].gradNorm;
        return {firstGrad, accuracy: trainer.train(EPOCHS - 1).testAccuracy};
      });
    });
    const rows = SETUPS.map((setup, i) => {
      const mine = runs[i];
      return {activation: setup.activation, depth: setup.depth, firstGrad: geometricMean(mine.map((run) => run.firstGrad)), accuracy: mean(mine.map((run) => run.accuracy))};
    });
    const at = (activation, depth) => rows.find((row) => row.activation === activation && row.depth === depth);
    const deep = DEPTHS[DEPTHS.length - 1];
    const sigmoidDeep = at("sigmoid", deep);
    const tanhDeep = at("tanh", deep);
    const softsignDeep = at("softsign", deep);
    const overDepths = (activation) => mean(rows.filter((row) => row.activation === activation).map((row) => row.accuracy));
    const softsignMean = overDepths("softsign");
    const tanhMean = overDepths("tanh");
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "depth", format: "int"},
        {key: "firstGrad", format: "exp"},
        {key: "accuracy", format: "percent"},
      ],
      rows,
      chart: {x: "depth", y: "accuracy", series: "activation"},
      verdicts: [
        {
          key: sigmoidDeep.accuracy < 0.6 && tanhDeep.accuracy > LEARNS && softsignDeep.accuracy > LEARNS ? "holds" : "fails",
          vars: {depth: deep, sigmoid: sigmoidDeep.accuracy, tanh: tanhDeep.accuracy, softsign: softsignDeep.accuracy, sigmoidGrad1: at("sigmoid", 1).firstGrad, sigmoidGradDeep: sigmoidDeep.firstGrad, learns: LEARNS},
          formats: {depth: "int", sigmoid: "percent", tanh: "percent", softsign: "percent", sigmoidGrad1: "exp", sigmoidGradDeep: "exp", learns: "percent"},
        },
        {
          key: softsignMean >= tanhMean ? "softsignAhead" : "softsignBehind",
          vars: {softsign: softsignMean, tanh: tanhMean},
          formats: {softsign: "percent", tanh: "percent"},
        },
      ],
      figures: {rows},
    };
  },
};
