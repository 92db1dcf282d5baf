// The instance shape shared by the libraries that predict one point per call (ConvNetJS,
// brain.js): losses as the mean of ½(o − t)² over prepared rows, and the boundary cell by cell.

/**
 * @param {object} o
 * @param {object} o.task       the benchmark task (grid, gridFeatures, model)
 * @param {object[]} o.train    prepared training rows; o.test the same for the test points
 * @param {() => void} o.trainPass          one pass of training over o.train
 * @param {(row) => number} o.output        the network's output for a prepared row
 * @param {(row) => number} o.target        that row's target
 * @param {ArrayLike<number>} o.gridInput   the writable input the grid cells are copied into
 * @param {() => number} o.gridOutput       the network's output for o.gridInput
 */
export function pointByPointInstance({ task, train, test, trainPass, output, target, gridInput, gridOutput }) {
  const f = task.model.features.length;
  const cells = task.grid.size * task.grid.size;
  const out = new Float32Array(cells);
  const lossOf = (set) => {
    let loss = 0;
    for (const row of set) {
      const d = output(row) - target(row);
      loss += 0.5 * d * d;
    }
    return loss / set.length;
  };
  return {
    trainPass,
    epoch() {
      trainPass();
      return { trainLoss: lossOf(train), testLoss: lossOf(test) };
    },
    trainLoss: () => lossOf(train),
    boundary() {
      const gf = task.gridFeatures;
      for (let k = 0; k < cells; k++) {
        for (let i = 0; i < f; i++) gridInput[i] = gf[k * f + i];
        out[k] = 0.5 * (gridOutput() + 1);
      }
      return out;
    },
    dispose() {},
  };
}
