// Library soak (issue 16): the large configuration trained for many epochs with every read a
// frame makes, then trainers created, switched and disposed over and over with rejected calls
// mixed in; wasm heap in use, wasm memory, JS handles and live trainers must stay flat.
//   node tests/soak/library-soak.mjs [epochs] [churnSeconds]
// npm run soak: 100,000 epochs and 120 s of churn; npm test (tests/js/soak.test.mjs): a short run.
import {pathToFileURL} from "node:url";

const libraryUrl = new URL("../../dist/lib/activation-playground.mjs", import.meta.url).href;

const LARGE = {dataset: "spiral", features: ["x", "y", "x2", "y2", "xy", "sinx", "siny"], hidden: [8, 8, 8, 8, 8, 8]};
const GRID = {size: 50, xMin: -6, xMax: 6, yMin: -6, yMax: 6};
const DATASETS = ["circle", "xor", "gauss", "spiral", "moons", "checkerboard", "reg-plane", "reg-gauss"];
const ACTIVATIONS = ["tanh", "relu", "silu", "gelu", "leaky_relu", {name: "prelu", learn: true}, "elu", "mish"];

/** What a soak measures after its warm-up and at the end, and how much each may grow. */
export const LIMITS = {heapBytesInUse: 256 * 1024, wasmBytes: 0, jsHandles: 0, liveTrainers: 0};

function frameReads(trainer) {
  trainer.predictGrid(GRID);
  trainer.neuronGrids({...GRID, size: 16});
  trainer.layerStats();
  trainer.history();
  trainer.metrics();
}

/**
 * Runs the soak and returns {samples, growth, epochs, cycles, seconds}; samples are memory()
 * readings, growth is end minus the reading after warm-up.
 */
export async function soak({epochs = 20_000, churnSeconds = 10, log = () => {}} = {}) {
  const {loadCore} = await import(libraryUrl);
  const core = await loadCore({fresh: true});
  const started = performance.now();
  const samples = [];
  const sample = (label) => {
    const m = core.memory();
    samples.push({label, ...m});
    log(`${label}: heap ${(m.heapBytesInUse / 1e6).toFixed(2)} MB, wasm ${(m.wasmBytes / 1e6).toFixed(1)} MB, ${m.jsHandles} JS handles, ${m.liveTrainers} trainers`);
  };

  // Warm-up: one of everything, so first-use allocations are not counted as growth.
  const warm = core.createTrainer(LARGE);
  warm.train(10);
  frameReads(warm);
  warm.dispose();
  sample("after warm-up");
  const baseline = samples[0];

  const large = core.createTrainer(LARGE);
  const chunk = 1000;
  for (let done = 0; done < epochs; done += chunk) {
    large.train(Math.min(chunk, epochs - done));
    frameReads(large);
    if ((done / chunk) % 10 === 9) sample(`epoch ${done + chunk}`);
  }
  const trained = large.metrics().epoch;
  large.dispose();

  let cycles = 0;
  const churnEnd = performance.now() + churnSeconds * 1000;
  while (performance.now() < churnEnd) {
    const dataset = DATASETS[cycles % DATASETS.length];
    const activation = ACTIVATIONS[cycles % ACTIVATIONS.length];
    const trainer = core.createTrainer({dataset, hidden: [8, 8], activation, points: 300, seed: cycles});
    try {
      trainer.train(20);
      frameReads(trainer);
      trainer.update({learningRate: 0.01 * (1 + (cycles % 3))});
      const copy = core.importModel(trainer.exportModel());
      copy.predictGrid({size: 8});
      copy.dispose();
      for (const bad of [() => trainer.update({hidden: [3]}), () => core.createTrainer({dataset: "nope"}), () => trainer.setWeight(99, 0, 0, 1)]) {
        try {
          bad();
        } catch {
          // refused, as it should be: what matters is that it leaks nothing
        }
      }
    } finally {
      trainer.dispose();
    }
    cycles++;
    if (cycles % 200 === 0) sample(`cycle ${cycles}`);
  }
  sample("end");
  const end = samples[samples.length - 1];
  const growth = Object.fromEntries(Object.keys(LIMITS).map((key) => [key, end[key] - baseline[key]]));
  return {samples, growth, epochs: trained, cycles, seconds: (performance.now() - started) / 1000};
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const epochs = Number(process.argv[2] ?? 100_000);
  const churnSeconds = Number(process.argv[3] ?? 120);
  const result = await soak({epochs, churnSeconds, log: console.log});
  console.log(`soak: ${result.epochs} epochs of the large configuration and ${result.cycles} trainer cycles in ${result.seconds.toFixed(0)} s; growth ${JSON.stringify(result.growth)}`);
  const over = Object.entries(LIMITS).filter(([key, limit]) => result.growth[key] > limit);
  if (over.length) {
    console.error(`soak: FAILED, grew past the limits ${JSON.stringify(LIMITS)}: ${over.map(([k]) => k).join(", ")}`);
    process.exit(1);
  }
}
