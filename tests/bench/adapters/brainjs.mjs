// brain.js 1.6.1 NeuralNetwork with activation 'tanh' (every layer, the output included).
//
// brain.js has no mini-batches: trainPattern() updates the weights after every example
// (weights += learningRate·delta·input, plus momentum, which is set to 0 here). An exact match
// with batch 10 is therefore impossible through its API. It is run online with learning rate
// 0.03 / 10 = 0.003 (the same total step per epoch) on the same 250 examples in the same order,
// and checked against the float64 reference run online with that learning rate. Its weights,
// activations and formatted inputs are Float32Arrays (arithmetic in double).
import { pointByPointInstance } from "./point-by-point.mjs";
import { requirePeer } from "./require-peer.mjs";

export const info = { id: "brainjs", label: "brain.js 1.6.1", precision: "float32", onlineSgd: true };

export async function load() {
  const brain = requirePeer("brain.js");
  return {
    ...info,
    instance(task) {
      const { model, data, layers, learningRate, batchSize } = task;
      const f = model.features.length;
      const net = new brain.NeuralNetwork({ activation: "tanh", hiddenLayers: [...model.hidden] });
      net.sizes = [f, ...model.hidden, 1];
      net.initialize();
      layers.forEach((layer, l) => {
        for (let o = 0; o < layer.outputs; o++) {
          for (let i = 0; i < layer.inputs; i++) net.weights[l + 1][o][i] = layer.weights[o * layer.inputs + i];
          net.biases[l + 1][o] = layer.biases[o];
        }
      });
      net.updateTrainingOptions({ learningRate: learningRate / batchSize, log: false });
      net.trainOpts.momentum = 0; // its option validation refuses 0; adjustWeights handles it exactly
      // formatData turns the rows into the Float32Arrays brain.js trains on, as train() would.
      const rows = (set) =>
        net.formatData(
          Array.from({ length: set.n }, (_, p) => ({
            input: Array.from(set.x.subarray(p * f, (p + 1) * f)),
            output: [set.t[p]],
          })),
        );
      const train = rows(data.train);
      const test = rows(data.test);
      const input = new Float32Array(f);
      return pointByPointInstance({
        task,
        train,
        test,
        trainPass: () => net.trainPatterns(train),
        output: (row) => net.run(row.input)[0],
        target: (row) => row.output[0],
        gridInput: input,
        gridOutput: () => net.run(input)[0],
      });
    },
  };
}
