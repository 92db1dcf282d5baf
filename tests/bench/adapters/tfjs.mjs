// TensorFlow.js 4.x, low-level API (variables + tf.train.sgd), on its cpu and wasm backends.
// float32 throughout. The loss is the batch MEAN of 0.5·(o − t)², so the step is the mean
// per-example gradient like the core's.
import path from "node:path";
import { requirePeer, resolvePeer } from "./require-peer.mjs";

let tf = null;
let wasmReady = null;

function loadTf() {
  if (tf) return tf;
  // The union package: its node bundle registers the cpu backend and, unlike tfjs-core's own
  // node bundle, every op's gradient (which tf.train optimizers need).
  tf = requirePeer("@tensorflow/tfjs");
  tf.enableProdMode(); // no debug checks, no "install tfjs-node" banner
  const wasm = requirePeer("@tensorflow/tfjs-backend-wasm");
  // The wasm backend finds its .wasm files next to its own dist/ script (a file path works in node).
  wasm.setWasmPaths(path.dirname(resolvePeer("@tensorflow/tfjs-backend-wasm")) + path.sep);
  return tf;
}

async function useBackend(name) {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs backend ${name} failed to initialise`);
  await tf.ready();
}

function makeInstance(task, backend) {
  const { model, data, layers, learningRate, batchSize, grid } = task;
  const f = model.features.length;
  // Variables: W as [in][out] for x·W (the shared layers are [out][in]), biases [out].
  const vars = [];
  const params = layers.map((layer, l) => {
    const wT = new Float32Array(layer.inputs * layer.outputs);
    for (let o = 0; o < layer.outputs; o++) {
      for (let i = 0; i < layer.inputs; i++) wT[i * layer.outputs + o] = layer.weights[o * layer.inputs + i];
    }
    const W = tf.variable(tf.tensor2d(wT, [layer.inputs, layer.outputs]), true, `W${l}_${backend}_${model.name}`);
    const b = tf.variable(tf.tensor1d(Float32Array.from(layer.biases)), true, `b${l}_${backend}_${model.name}`);
    vars.push(W, b);
    return { W, b };
  });
  const forward = (x) => {
    let h = x;
    for (const { W, b } of params) h = tf.tanh(tf.add(tf.matMul(h, W), b));
    return h;
  };
  const meanLoss = (x, t) => tf.mul(0.5, tf.mean(tf.square(tf.sub(forward(x), t))));
  const batches = [];
  const tr = data.train;
  for (let start = 0; start < tr.n; start += batchSize) {
    const n = Math.min(batchSize, tr.n - start);
    batches.push({
      x: tf.tensor2d(Float32Array.from(tr.x.subarray(start * f, (start + n) * f)), [n, f]),
      t: tf.tensor2d(Float32Array.from(tr.t.subarray(start, start + n)), [n, 1]),
    });
  }
  const whole = (set) => ({
    x: tf.tensor2d(Float32Array.from(set.x), [set.n, f]),
    t: tf.tensor2d(Float32Array.from(set.t), [set.n, 1]),
  });
  const trainSet = whole(data.train);
  const testSet = whole(data.test);
  const gridX = tf.tensor2d(Float32Array.from(task.gridFeatures), [grid.size * grid.size, f]);
  const optimizer = tf.train.sgd(learningRate);

  const trainPass = () => {
    for (const batch of batches) tf.tidy(() => optimizer.minimize(() => meanLoss(batch.x, batch.t), false, vars));
  };
  const lossOf = (set) => tf.tidy(() => meanLoss(set.x, set.t).dataSync()[0]);
  return {
    async activate() {
      await useBackend(backend);
    },
    trainPass,
    epoch() {
      trainPass();
      return { trainLoss: lossOf(trainSet), testLoss: lossOf(testSet) };
    },
    trainLoss: () => lossOf(trainSet),
    // One batched prediction of all 10,000 cells, mapped to P(class 1) = (o + 1)/2.
    boundary: () => tf.tidy(() => tf.mul(0.5, tf.add(forward(gridX), 1)).dataSync()),
    dispose() {
      tf.dispose([...vars, ...batches.flatMap((b) => [b.x, b.t]), trainSet.x, trainSet.t, testSet.x, testSet.t, gridX]);
      optimizer.dispose();
    },
  };
}

function backendImpl(backend, label) {
  return {
    info: { id: `tfjs-${backend}`, label, precision: "float32" },
    async load() {
      loadTf();
      await useBackend(backend);
      const version = tf.version_core;
      return {
        ...this.info,
        version,
        async instance(task) {
          await useBackend(backend);
          return makeInstance(task, backend);
        },
      };
    },
  };
}

export const cpu = backendImpl("cpu", "TensorFlow.js cpu");
export const wasm = backendImpl("wasm", "TensorFlow.js wasm");
