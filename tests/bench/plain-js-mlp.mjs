// The "good JS" bound: a tight hand-written multilayer perceptron in plain JavaScript.
//
// tanh on every layer (TensorFlow Playground's tanh output with 0.5·(o − t)² on ±1 targets),
// plain SGD whose step is the mean of the batch's per-example gradients. All state lives in a
// few flat Float64Arrays allocated once; a training step allocates nothing. Runs in node and
// in the browser (no imports).

const FEATURE_CODES = { x: 0, y: 1, x2: 2, y2: 3, xy: 4, sinx: 5, siny: 6 };

export class PlainMlp {
  /**
   * @param {object} o
   * @param {{inputs: number, outputs: number, weights: ArrayLike<number>, biases: ArrayLike<number>}[]} o.layers
   *   row-major [out][in]; their widths give the layer sizes, inputs first, e.g. [2, 8, 8, 1]
   * @param {number} o.learningRate
   * @param {number} o.batchSize
   * @param {string[]} [o.features] feature names, needed only for the grids
   */
  constructor({ layers, learningRate, batchSize, features = [] }) {
    const sizes = [layers[0].inputs, ...layers.map((l) => l.outputs)];
    const depth = sizes.length - 1;
    this.sizes = Int32Array.from(sizes);
    this.depth = depth;
    this.learningRate = learningRate;
    this.batchSize = batchSize;
    this.featureCodes = Int32Array.from(features, (f) => FEATURE_CODES[f]);
    // Offsets: wOff/bOff index W/B (and G/GB) for layer l = 1..depth; aOff indexes A (layer 0 = inputs).
    this.wOff = new Int32Array(depth + 1);
    this.bOff = new Int32Array(depth + 1);
    this.aOff = new Int32Array(depth + 2);
    let w = 0;
    let b = 0;
    let a = sizes[0];
    for (let l = 1; l <= depth; l++) {
      this.wOff[l] = w;
      this.bOff[l] = b;
      this.aOff[l] = a;
      w += sizes[l] * sizes[l - 1];
      b += sizes[l];
      a += sizes[l];
    }
    this.aOff[depth + 1] = a;
    this.W = new Float64Array(w);
    this.B = new Float64Array(b);
    this.G = new Float64Array(w);
    this.GB = new Float64Array(b);
    this.A = new Float64Array(a); // activations of one example, inputs included
    this.D = new Float64Array(a); // deltas dLoss/d(pre-activation), same layout as A
    for (let l = 1; l <= depth; l++) {
      const src = layers[l - 1];
      if (src.weights.length !== sizes[l] * sizes[l - 1] || src.biases.length !== sizes[l]) {
        throw new Error(`layers[${l - 1}] must have ${sizes[l]}×${sizes[l - 1]} weights and ${sizes[l]} biases`);
      }
      this.W.set(src.weights, this.wOff[l]);
      this.B.set(src.biases, this.bOff[l]);
    }
    this.pending = 0; // examples accumulated in G since the last update
  }

  /**
   * Forward pass of the example already in A[0..inputs); returns the output. Two neurons at a
   * time: two independent accumulator chains share each input load (each neuron still sums
   * bias + w0·a0 + w1·a1 + … in order, so the results do not change).
   */
  forward() {
    const { W, B, A, sizes, wOff, bOff, aOff, depth } = this;
    for (let l = 1; l <= depth; l++) {
      const nIn = sizes[l - 1];
      const nOut = sizes[l];
      const ai = aOff[l - 1];
      const ao = aOff[l];
      const bo = bOff[l];
      let w0 = wOff[l];
      let j = 0;
      for (; j + 1 < nOut; j += 2, w0 += 2 * nIn) {
        const w1 = w0 + nIn;
        let s0 = B[bo + j];
        let s1 = B[bo + j + 1];
        for (let i = 0; i < nIn; i++) {
          const a = A[ai + i];
          s0 += W[w0 + i] * a;
          s1 += W[w1 + i] * a;
        }
        A[ao + j] = Math.tanh(s0);
        A[ao + j + 1] = Math.tanh(s1);
      }
      if (j < nOut) {
        let s = B[bo + j];
        for (let i = 0; i < nIn; i++) s += W[w0 + i] * A[ai + i];
        A[ao + j] = Math.tanh(s);
      }
    }
    return A[aOff[depth]];
  }

  /** Backward pass for target t after forward(): accumulates the example's gradient in G, GB. */
  backward(t) {
    const { W, G, GB, A, D, sizes, wOff, bOff, aOff, depth } = this;
    const oi = aOff[depth];
    const o = A[oi];
    D[oi] = (o - t) * (1 - o * o);
    for (let l = depth; l >= 1; l--) {
      const nIn = sizes[l - 1];
      const nOut = sizes[l];
      const ai = aOff[l - 1];
      const ao = aOff[l];
      const bo = bOff[l];
      const wl = wOff[l];
      // dLoss/dW[j][i] += D[j]·A[i], two rows at a time.
      let j = 0;
      for (let w0 = wl; j + 1 < nOut; j += 2, w0 += 2 * nIn) {
        const w1 = w0 + nIn;
        const d0 = D[ao + j];
        const d1 = D[ao + j + 1];
        GB[bo + j] += d0;
        GB[bo + j + 1] += d1;
        for (let i = 0; i < nIn; i++) {
          const a = A[ai + i];
          G[w0 + i] += d0 * a;
          G[w1 + i] += d1 * a;
        }
      }
      if (j < nOut) {
        const d = D[ao + j];
        const w0 = wl + j * nIn;
        GB[bo + j] += d;
        for (let i = 0; i < nIn; i++) G[w0 + i] += d * A[ai + i];
      }
      if (l === 1) break;
      // D[i] of the layer below = f'(a_i) · Σ_j W[j][i]·D[j], two inputs at a time.
      let i = 0;
      for (; i + 1 < nIn; i += 2) {
        let s0 = 0;
        let s1 = 0;
        for (let jj = 0, w = wl + i; jj < nOut; jj++, w += nIn) {
          const d = D[ao + jj];
          s0 += W[w] * d;
          s1 += W[w + 1] * d;
        }
        const a0 = A[ai + i];
        const a1 = A[ai + i + 1];
        D[ai + i] = s0 * (1 - a0 * a0);
        D[ai + i + 1] = s1 * (1 - a1 * a1);
      }
      if (i < nIn) {
        let s = 0;
        for (let jj = 0, w = wl + i; jj < nOut; jj++, w += nIn) s += W[w] * D[ao + jj];
        const a = A[ai + i];
        D[ai + i] = s * (1 - a * a);
      }
    }
  }

  /** Applies the mean accumulated gradient: W −= (learningRate / examples) · G, then clears G. */
  update() {
    if (this.pending === 0) return;
    const { W, B, G, GB } = this;
    const step = this.learningRate / this.pending;
    for (let k = 0; k < W.length; k++) {
      W[k] -= step * G[k];
      G[k] = 0;
    }
    for (let k = 0; k < B.length; k++) {
      B[k] -= step * GB[k];
      GB[k] = 0;
    }
    this.pending = 0;
  }

  /** One epoch of mini-batch SGD over `set` ({n, x: row-major features, t: ±1}) in its order. */
  trainEpoch(set) {
    const { A, batchSize } = this;
    const f = this.sizes[0];
    const x = set.x;
    const t = set.t;
    for (let p = 0; p < set.n; p++) {
      for (let i = 0, r = p * f; i < f; i++) A[i] = x[r + i];
      this.forward();
      this.backward(t[p]);
      if (++this.pending === batchSize) this.update();
    }
    this.update(); // a last partial batch, as TensorFlow Playground does
  }

  /** Mean 0.5·(o − t)² and sign accuracy over `set`. */
  evaluate(set) {
    const A = this.A;
    const f = this.sizes[0];
    let loss = 0;
    let correct = 0;
    for (let p = 0; p < set.n; p++) {
      for (let i = 0, r = p * f; i < f; i++) A[i] = set.x[r + i];
      const o = this.forward();
      const d = o - set.t[p];
      loss += 0.5 * d * d;
      if ((o >= 0) === (set.t[p] > 0)) correct++;
    }
    return { loss: loss / set.n, accuracy: set.n ? correct / set.n : 0 };
  }

  /** What an epoch of a playground does: train, then the train and test losses. */
  epoch(data) {
    this.trainEpoch(data.train);
    const train = this.evaluate(data.train);
    const test = this.evaluate(data.test);
    return { trainLoss: train.loss, testLoss: test.loss, trainAccuracy: train.accuracy, testAccuracy: test.accuracy };
  }

  /** Writes the features of (x, y) into A[0..inputs). */
  setInput(x, y) {
    const A = this.A;
    const codes = this.featureCodes;
    for (let i = 0; i < codes.length; i++) {
      switch (codes[i]) {
        case 0: A[i] = x; break;
        case 1: A[i] = y; break;
        case 2: A[i] = x * x; break;
        case 3: A[i] = y * y; break;
        case 4: A[i] = x * y; break;
        case 5: A[i] = Math.sin(x); break;
        default: A[i] = Math.sin(y);
      }
    }
  }

  /** P(class 1) = (o + 1)/2 on a size² grid, row 0 on top (largest y), into `out` (Float32Array). */
  predictGrid(spec, out = new Float32Array(spec.size * spec.size)) {
    const n = spec.size;
    const dx = (spec.xMax - spec.xMin) / (n - 1);
    const dy = (spec.yMax - spec.yMin) / (n - 1);
    for (let r = 0, k = 0; r < n; r++) {
      const y = spec.yMax - r * dy;
      for (let c = 0; c < n; c++, k++) {
        this.setInput(spec.xMin + c * dx, y);
        out[k] = 0.5 * (this.forward() + 1);
      }
    }
    return out;
  }

  /**
   * Every neuron's value on the grid: input features, hidden units, the output unit (raw tanh),
   * as one Float32Array per neuron in A's order; `outs` may be passed back in to reuse it.
   */
  neuronGrids(spec, outs) {
    const n = spec.size;
    const cells = n * n;
    const units = this.aOff[this.depth + 1];
    if (!outs) outs = Array.from({ length: units }, () => new Float32Array(cells));
    const A = this.A;
    const dx = (spec.xMax - spec.xMin) / (n - 1);
    const dy = (spec.yMax - spec.yMin) / (n - 1);
    for (let r = 0, k = 0; r < n; r++) {
      const y = spec.yMax - r * dy;
      for (let c = 0; c < n; c++, k++) {
        this.setInput(spec.xMin + c * dx, y);
        this.forward();
        for (let u = 0; u < units; u++) outs[u][k] = A[u];
      }
    }
    return outs;
  }
}
