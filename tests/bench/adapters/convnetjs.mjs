// ConvNetJS 0.3.0: Net + Trainer (sgd, batch_size 10, momentum 0, l2_decay 0), float64.
// Its 'regression' loss layer is 0.5·Σ(o − t)² with gradient o − t, and the Trainer divides the
// accumulated gradient by batch_size: the same mean-gradient step as the core. The layers are
// built by hand because Net.makeLayers inserts an extra fc layer before 'regression'.
import { pointByPointInstance } from "./point-by-point.mjs";
import { requirePeer } from "./require-peer.mjs";

export const info = { id: "convnetjs", label: "ConvNetJS 0.3", precision: "float64" };

export async function load() {
  const cnn = requirePeer("convnetjs");
  return {
    ...info,
    instance(task) {
      const { model, data, layers, learningRate, batchSize } = task;
      const f = model.features.length;
      const net = new cnn.Net();
      net.layers.push(new cnn.InputLayer({ out_sx: 1, out_sy: 1, out_depth: f }));
      for (const layer of layers) {
        const fc = new cnn.FullyConnLayer({ num_neurons: layer.outputs, in_sx: 1, in_sy: 1, in_depth: layer.inputs });
        for (let o = 0; o < layer.outputs; o++) {
          for (let i = 0; i < layer.inputs; i++) fc.filters[o].w[i] = layer.weights[o * layer.inputs + i];
          fc.biases.w[o] = layer.biases[o];
        }
        net.layers.push(fc, new cnn.TanhLayer({ in_sx: 1, in_sy: 1, in_depth: layer.outputs }));
      }
      net.layers.push(new cnn.RegressionLayer({ in_sx: 1, in_sy: 1, in_depth: 1 }));
      const trainer = new cnn.Trainer(net, {
        method: "sgd",
        learning_rate: learningRate,
        batch_size: batchSize,
        momentum: 0,
        l1_decay: 0,
        l2_decay: 0,
      });
      const toVols = (set) =>
        Array.from({ length: set.n }, (_, p) => {
          const v = new cnn.Vol(1, 1, f, 0);
          for (let i = 0; i < f; i++) v.w[i] = set.x[p * f + i];
          return { v, t: [set.t[p]] };
        });
      const train = toVols(data.train);
      const test = toVols(data.test);
      const gridVol = new cnn.Vol(1, 1, f, 0);
      return pointByPointInstance({
        task,
        train,
        test,
        trainPass: () => {
          for (const { v, t } of train) trainer.train(v, t);
        },
        output: (row) => net.forward(row.v, false).w[0],
        target: (row) => row.t[0],
        gridInput: gridVol.w,
        gridOutput: () => net.forward(gridVol, false).w[0],
      });
    },
  };
}
