// The history of each layer's gradient norm, one point per epoch, for the diagnostics chart.
// Pure: a new history is returned, the old one is left as it was.

const MAX_GRAD_HISTORY = 4000;

export function emptyGradHistory() {
  return {x: [], layers: []};
}

/** Appends a frame's per-layer gradient norms (once per epoch); halves the history past MAX_GRAD_HISTORY points. */
export function collectGradients(history, snapshot) {
  const stats = snapshot?.stats;
  if (!stats) return history;
  const epoch = snapshot.metrics.epoch;
  if (history.x.length && history.x[history.x.length - 1] >= epoch) return history;
  const x = [...history.x, epoch];
  const layers = stats.map((stat, i) => [...(history.layers[i] ?? new Array(history.x.length).fill(NaN)), stat.gradNorm]);
  if (x.length <= MAX_GRAD_HISTORY) return {x, layers};
  const even = (_, i) => i % 2 === 0;
  return {x: x.filter(even), layers: layers.map((values) => values.filter(even))};
}
