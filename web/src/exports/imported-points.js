// Imported points (see csv-import.js) in the trainer's configuration. Kept apart from the CSV
// reader so the classifier does not load Papa Parse until someone imports a file.

/** The trainer configuration `config` on the imported points instead of a generated dataset. */
export function withImportedPoints(config, points) {
  const {dataset, points: count, noise, classes, ...rest} = config;
  const training = Math.max(1, Math.floor(points.x.length * config.trainFraction));
  return {...rest, dataset: "custom", data: points, batchSize: Math.min(config.batchSize, training)};
}
