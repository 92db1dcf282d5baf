// What lesson measurements share: a trainer that is always disposed, and small statistics.
// Pure JavaScript over the public library API (a `core` from loadCore()), so a measurement runs
// unchanged in node tests and in the page's lesson worker.

/** Runs fn(trainer) on a new trainer and disposes it, whatever fn does. */
export function withTrainer(core, config, fn) {
  const trainer = core.createTrainer(config);
  try {
    return fn(trainer);
  } finally {
    trainer.dispose();
  }
}

export const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Population standard deviation (0 for one value). */
export function spread(values) {
  const m = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - m) ** 2)));
}

/** Geometric mean: the fair average of ratios that span orders of magnitude. */
export const geometricMean = (values) => Math.exp(mean(values.map((value) => Math.log(value))));

/** The hidden layers' entries of trainer.layerStats() (the last entry is the output layer). */
export const hiddenStats = (stats) => stats.slice(0, -1);

/** Counts finished runs and reports {done, total} after each one. */
export function progressCounter(total, onProgress) {
  let done = 0;
  onProgress?.({done, total});
  return () => onProgress?.({done: ++done, total});
}

/**
 * fn(value, seed) for every item of `values` with every seed, in that order, reporting
 * {done, total} after each run; returns fn's results grouped per value: runs[i][j] is
 * fn(values[i], seeds[j]).
 */
export function eachRun(values, seeds, onProgress, fn) {
  const tick = progressCounter(values.length * seeds.length, onProgress);
  return values.map((value) =>
    seeds.map((seed) => {
      const result = fn(value, seed);
      tick();
      return result;
    }),
  );
}
