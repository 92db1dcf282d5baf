// Compiled (not run) by `npm test`: uses every declared API the way the README
// does, so a declaration that drifts from the library fails the type check.
import {loadCore, type ActivationInfo, type ConfigKeySchema, type CoreError, type CoreErrorCode, type Metrics, type Trainer} from "../../dist/lib/activation-playground.mjs";

const core = await loadCore();
const version: string = core.version;
const catalog: ActivationInfo[] = core.activations();
const first: ActivationInfo = catalog[0];
const upper: number = first.properties.range[1];
const pytorchCall: string | null = first.frameworks.pytorch;
const {y, dy, dparams} = core.evaluate("prelu", {a: 0.1}, [-1, 0, 1]);
const slopeGradient: Float64Array | undefined = dparams.a;
const minima: number[] = core.criticalPoints("silu", {}, -5, 5);
const {logY} = core.softmax(new Float64Array([1, 2, 3]));
const schema: ConfigKeySchema[] = core.configSchema();
const learningRate = schema.find((key) => key.name === "learningRate");
const maxLearningRate: number | undefined = learningRate?.type === "number" ? learningRate.max : undefined;
const maxoutK = schema.find((key) => key.type === "activation");
const maxPieces: number | undefined = maxoutK?.type === "activation" ? maxoutK.maxout.k.max : undefined;
const liveKeys: string[] = schema.filter((key) => key.live).map((key) => key.name);

const trainer: Trainer = core.createTrainer({
  dataset: "spiral",
  classes: 3,
  hidden: [8, 8],
  activation: [{name: "prelu", params: {a: 0.2}, learn: true}, {name: "maxout", params: {k: 2}}],
  optimizer: "adam",
});
const metrics: Metrics = trainer.train(5);
const accuracy: number | null = metrics.testAccuracy;
trainer.update({learningRate: 0.01, optimizer: "momentum"});
const grid: Float32Array = trainer.predictGrid({size: 50, xMin: -6, xMax: 6, yMin: -6, yMax: 6});
const units = trainer.neuronGrids({size: 20}).map((g) => g.layer * 1000 + g.index);
const hiddenSpace: Float64Array = trainer.transform(0, [0, 1], [1, 0]);
const losses: Float64Array = trainer.history().trainLoss;
const dead: number[] = trainer.layerStats().map((s) => s.deadFraction);
trainer.setWeight(0, 0, 0, 0.5);
const copy: Trainer = core.importModel(trainer.exportModel());
copy.dispose();
trainer.dispose();
const {heapBytesInUse, wasmBytes, jsHandles, liveTrainers} = core.memory();

export const used = [heapBytesInUse, wasmBytes, jsHandles, liveTrainers, version, maxLearningRate, maxPieces, liveKeys, upper, pytorchCall, y, dy, slopeGradient, minima, logY, accuracy, grid, units, hiddenSpace, losses, dead];

// Core errors: a code and its fields beside the English message.
try {
  core.evaluate("leaky_relu", {negative_slope: 5}, [0]);
} catch (caught) {
  const error = caught as CoreError;
  const code: CoreErrorCode | undefined = error.code;
  const max: number | undefined = error.details?.max;
  void code;
  void max;
}
