// The classifier's data as CSV tables (written by Papa Parse, the same library that reads
// imported CSV): the training history and the dataset. Pure: arrays in, text out.
import Papa from "papaparse";

/** Empty for numbers a table cannot hold (no accuracy for regression, a gradient norm not sampled). */
const cell = (value) => (Number.isFinite(value) ? value : "");

/**
 * One row per epoch: epoch, train/test loss and accuracy, then each layer's gradient norm at
 * that epoch (sampled once per drawn frame; empty where no frame was drawn).
 * @param {{epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}} history  the trainer's history arrays
 * @param {{x: number[], layers: number[][]}} gradients  the classifier's gradient-norm history
 */
export function historyCsv(history, gradients = {x: [], layers: []}) {
  const layerCount = gradients.layers.length;
  const at = new Map(gradients.x.map((epoch, i) => [epoch, i]));
  const fields = ["epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy", ...Array.from({length: layerCount}, (_, k) => `grad_norm_layer_${k + 1}`)];
  const rows = Array.from(history.epoch, (epoch, i) => {
    const g = at.get(epoch);
    return [epoch, cell(history.trainLoss[i]), cell(history.testLoss[i]), cell(history.trainAccuracy[i]), cell(history.testAccuracy[i]), ...gradients.layers.map((values) => cell(g === undefined ? NaN : values[g]))];
  });
  return Papa.unparse({fields, data: rows}, {newline: "\n"});
}

/** One row per point: x, y, label, split ("train" or "test"). */
export function datasetCsv(points) {
  const rows = Array.from(points.x, (x, i) => [x, points.y[i], points.label[i], points.isTest[i] ? "test" : "train"]);
  return Papa.unparse({fields: ["x", "y", "label", "split"], data: rows}, {newline: "\n"});
}
