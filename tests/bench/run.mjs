// npm run bench: the cross-implementation benchmark of issue 5, all in one node process.
//
//   node tests/bench/run.mjs [--rounds N] [--sample-ms M] [--only id,id] [--out file.json]
//
// 1. The task (tests/bench/task.mjs): two-spirals from this project's core when it is built,
//    models M1 and M2, the same initial weights everywhere.
// 2. Every implementation trains 5 epochs from those weights; the train losses are printed
//    against the float64 reference (plain-JS MLP) with the tolerance for its precision.
// 3. Timing in interleaved rounds (the order rotates each round, so drift hits all alike):
//    per epoch (train pass + train/test loss, what a playground does after every epoch; the
//    pass alone is also recorded where the library allows) and per decision-boundary refresh
//    (100×100 over [-6, 6]², output only; for the core also neuronGrids). Every call is timed on
//    its own and the median over all rounds is reported (robust to other processes preempting
//    some calls on this shared 2-core machine), next to the main thread's CPU time per call.
// 4. One table with ratios to the core's wasm, build/bench/latest.json, PASS/FAIL per target of
//    issue 5 (informative: the exit code is 0 unless the benchmark itself breaks).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { median, option, printColumns } from "./report.mjs";
import * as task from "./task.mjs";
import { PlainMlp } from "./plain-js-mlp.mjs";
import * as plainJs from "./adapters/plain-js.mjs";
import * as coreWasm from "./adapters/core-wasm.mjs";
import * as coreNative from "./adapters/core-native.mjs";
import * as tfjs from "./adapters/tfjs.mjs";
import * as convnetjs from "./adapters/convnetjs.mjs";
import * as brainjs from "./adapters/brainjs.mjs";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

const ROUNDS = Number(option("--rounds", 15));
// Each timed batch lasts about this long: the per-thread CPU clock below advances in steps of up
// to a scheduler tick (~4 ms), so batches must be much longer than that.
const SAMPLE_MS = Number(option("--sample-ms", 60));
const ONLY = option("--only", "")
  .split(",")
  .filter(Boolean);
const OUT = path.resolve(repoRoot, option("--out", "build/bench/latest.json"));
// Which clock decides the targets: "wall", "cpu", or "auto" = CPU time when other processes
// compete for the cores (load average above 1 at the start), else wall-clock.
const CLOCK = option("--clock", "auto");
const CHECK_EPOCHS = 5; // ap_bench (core-native) reports the train loss after 5 epochs only
const TOLERANCE = { float64: 1e-9, float32: 1e-4 }; // relative, on the 5-epoch train loss

const LOADERS = [
  ["core-wasm", coreWasm.load],
  ["core-native", coreNative.load],
  ["plain-js", plainJs.load],
  ["tfjs-cpu", () => tfjs.cpu.load()],
  ["tfjs-wasm", () => tfjs.wasm.load()],
  ["convnetjs", convnetjs.load],
  ["brainjs", brainjs.load],
];

const now = () => performance.now();
const fmt = (v, digits = 3) => (v === null || v === undefined ? "—" : v >= 100 ? v.toFixed(1) : v.toPrecision(digits));
const relDiff = (a, b) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  };
}

async function loadImplementations() {
  const impls = [];
  for (const [id, load] of LOADERS) {
    if (ONLY.length && !ONLY.includes(id) && id !== "plain-js") continue;
    try {
      const impl = await load();
      if (impl.unavailable) console.log(`  ${impl.label}: ${impl.unavailable}`);
      else console.log(`  ${impl.label}: loaded${impl.version ? ` (version ${impl.version})` : ""}`);
      impls.push(impl);
    } catch (error) {
      console.log(`  ${id}: not available: ${error.message}`);
      impls.push({ id, label: id, unavailable: error.message });
    }
  }
  return impls;
}

async function taskPoints() {
  try {
    return await coreWasm.corePoints(task.coreConfig(task.MODELS.M1));
  } catch (error) {
    const points = task.fallbackSpiral();
    points.source += ` (${error.message})`;
    return points;
  }
}

function makeTask(model, points) {
  const layers = task.initialLayers(model);
  const { xs, ys } = task.gridPoints(task.GRID);
  return {
    model,
    points,
    data: task.splitData(points, model.features),
    layers,
    modelJson: task.coreModelJson(model, layers),
    learningRate: task.LEARNING_RATE,
    batchSize: task.BATCH_SIZE,
    grid: task.GRID,
    gridFeatures: task.featureMatrix(model.features, xs, ys),
  };
}

/** The float64 reference after CHECK_EPOCHS epochs: mini-batch, or online for brain.js. */
function reference(t, online) {
  const net = new PlainMlp({
    layers: t.layers,
    learningRate: online ? t.learningRate / t.batchSize : t.learningRate,
    batchSize: online ? 1 : t.batchSize,
    features: t.model.features,
  });
  for (let e = 0; e < CHECK_EPOCHS; e++) net.trainEpoch(t.data.train);
  return { loss: net.evaluate(t.data.train).loss, boundary: net.predictGrid(t.grid) };
}

function maxAbsDiff(a, b) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Trains every implementation CHECK_EPOCHS epochs from the shared weights and compares losses. */
async function checkAgreement(impls, tasks) {
  const rows = [];
  const instances = new Map(); // `${id}/${model}` -> instance, reused for timing
  for (const t of tasks) {
    const refs = { batch: reference(t, false), online: reference(t, true) };
    console.log(`\n${t.model.name}: initial train loss ${task.lossOf(task.forwardOfLayers(t.layers), t.data.train, t.model.features.length).loss.toFixed(12)}`);
    console.log(`  reference (plain JS float64, batch ${t.batchSize}) after ${CHECK_EPOCHS} epochs: ${refs.batch.loss.toFixed(12)}`);
    console.log(`  reference online (batch 1, lr ${t.learningRate / t.batchSize}, for brain.js):   ${refs.online.loss.toFixed(12)}`);
    for (const impl of impls) {
      if (impl.unavailable) continue;
      const ref = impl.onlineSgd ? refs.online : refs.batch;
      const row = { implementation: impl.id, model: t.model.name, precision: impl.precision, reference: ref.loss };
      try {
        if (impl.spawned) {
          const inst = impl.instance(t);
          instances.set(`${impl.id}/${t.model.name}`, inst);
          row.loss = await inst.checkLossAfter5();
        } else {
          const inst = await impl.instance(t);
          instances.set(`${impl.id}/${t.model.name}`, inst);
          await inst.activate?.();
          for (let e = 0; e < CHECK_EPOCHS; e++) (inst.trainPass ?? inst.epoch)();
          row.loss = inst.trainLoss();
          if (inst.exportedLayers) {
            row.lossOfExportedWeights = task.lossOf(
              task.forwardOfLayers(inst.exportedLayers()),
              t.data.train,
              t.model.features.length,
            ).loss;
          }
          row.boundaryMaxAbsDiff = maxAbsDiff(inst.boundary(), ref.boundary);
        }
        if (typeof row.loss !== "number") throw new Error("reported no train loss");
        row.relDiff = relDiff(row.loss, ref.loss);
        row.tolerance = TOLERANCE[impl.precision];
        row.agrees = row.relDiff <= row.tolerance && (row.lossOfExportedWeights === undefined || relDiff(row.lossOfExportedWeights, ref.loss) <= row.tolerance);
      } catch (error) {
        row.error = error.message;
        row.agrees = false;
        instances.get(`${impl.id}/${t.model.name}`)?.dispose?.();
        instances.delete(`${impl.id}/${t.model.name}`);
      }
      rows.push(row);
      const extra = [
        row.lossOfExportedWeights !== undefined ? `exported weights ${row.lossOfExportedWeights.toFixed(12)}` : "",
        row.boundaryMaxAbsDiff !== undefined ? `boundary max|Δp| ${row.boundaryMaxAbsDiff.toExponential(1)}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      console.log(
        row.error
          ? `  ${impl.label.padEnd(28)} ERROR ${row.error}`
          : `  ${impl.label.padEnd(28)} ${row.loss.toFixed(12)}  rel.diff ${row.relDiff.toExponential(2)} (tol ${row.tolerance.toExponential(0)}, ${impl.precision}${impl.onlineSgd ? ", online" : ""}) ${row.agrees ? "agrees" : "DISAGREES"}${extra ? `; ${extra}` : ""}`,
      );
    }
  }
  return { rows, instances };
}

/** Repetitions of `fn` that take about SAMPLE_MS (from the median warm-up call), after warming up ≥ warmMs. */
function warmAndCalibrate(fn, warmMs) {
  const times = [];
  const start = now();
  do {
    const t0 = now();
    fn();
    times.push(now() - t0);
  } while (now() - start < warmMs || times.length < 5);
  return Math.max(1, Math.round(SAMPLE_MS / Math.max(median(times.slice(times.length >> 1)), 1e-3)));
}

/**
 * CPU time of this (main) thread in ms: Linux's per-thread run time, which leaves out V8's
 * background GC and compiler threads (it is brought up to date at scheduler ticks and switches,
 * hence the long batches); elsewhere the whole process's CPU time.
 */
const SCHEDSTAT = "/proc/thread-self/schedstat";
const threadCpuMs = existsSync(SCHEDSTAT)
  ? () => Number(readFileSync(SCHEDSTAT, "latin1").split(" ")[0]) / 1e6
  : () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };

/**
 * Times `reps` calls of `fn` one by one into `sink` (ms per call): the median over single calls
 * shrugs off the calls that other processes preempted, as ap_bench's median of single epochs
 * does. The main thread's CPU time per call over the batch goes to `cpuSink`.
 */
function timeReps(fn, reps, sink, cpuSink) {
  const c0 = threadCpuMs();
  for (let k = 0; k < reps; k++) {
    const t0 = now();
    fn();
    sink.push(now() - t0);
  }
  cpuSink?.push((threadCpuMs() - c0) / reps);
}

async function timeAll(impls, tasks, instances) {
  const results = {};
  for (const t of tasks) {
    const name = t.model.name;
    const live = impls.filter((impl) => !impl.unavailable && instances.has(`${impl.id}/${name}`));
    const jobs = [];
    for (const impl of live) {
      const inst = instances.get(`${impl.id}/${name}`);
      const samples = { epochMs: [], passMs: [], boundaryMs: [], neuronGridsMs: [], cpu: { epochMs: [], boundaryMs: [] } };
      results[impl.id] ??= {};
      results[impl.id][name] = samples;
      if (impl.spawned) {
        jobs.push({ impl, run: async () => {
          const r = await inst.run(nativeEpochs(name));
          if (r.epochMs !== null) samples.epochMs.push(r.epochMs);
          if (r.boundaryMs !== null) samples.boundaryMs.push(r.boundaryMs);
          if (r.neuronGridsMs !== null) samples.neuronGridsMs.push(r.neuronGridsMs);
        } });
        continue;
      }
      await inst.activate?.();
      const reps = {
        epoch: warmAndCalibrate(inst.epoch, 400),
        pass: inst.trainPass ? warmAndCalibrate(inst.trainPass, 100) : 0,
        boundary: warmAndCalibrate(inst.boundary, 400),
        neuronGrids: inst.neuronGrids ? warmAndCalibrate(inst.neuronGrids, 300) : 0,
      };
      jobs.push({ impl, run: async () => {
        await inst.activate?.();
        timeReps(inst.epoch, reps.epoch, samples.epochMs, samples.cpu.epochMs);
        if (reps.pass) timeReps(inst.trainPass, reps.pass, samples.passMs);
        timeReps(inst.boundary, reps.boundary, samples.boundaryMs, samples.cpu.boundaryMs);
        if (reps.neuronGrids) timeReps(inst.neuronGrids, reps.neuronGrids, samples.neuronGridsMs);
      } });
    }
    process.stdout.write(`\ntiming ${name}: ${ROUNDS} rounds of ${jobs.map((j) => j.impl.id).join(", ")} `);
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < jobs.length; k++) await jobs[(k + r) % jobs.length].run();
      process.stdout.write(".");
    }
    process.stdout.write("\n");
  }
  // Medians.
  const figures = {};
  for (const [id, byModel] of Object.entries(results)) {
    figures[id] = {};
    for (const [name, s] of Object.entries(byModel)) {
      figures[id][name] = {
        epochMs: median(s.epochMs),
        passMs: median(s.passMs),
        boundaryMs: median(s.boundaryMs),
        neuronGridsMs: median(s.neuronGridsMs),
        cpuEpochMs: median(s.cpu.epochMs),
        cpuBoundaryMs: median(s.cpu.boundaryMs),
        epochSamples: s.epochMs.length,
        boundarySamples: s.boundaryMs.length,
      };
    }
  }
  return figures;
}

/** Epochs per native run (ap_bench reports the median of single epochs, then times the grids). */
const nativeEpochs = (model) => (model === "M1" ? 300 : 150);

function printTable(impls, figures, base) {
  const models = Object.keys(task.MODELS);
  const header = ["implementation"];
  for (const m of models) header.push(`${m} epoch ms`, "×", `${m} boundary ms`, "×");
  const rows = [header];
  const ratio = (v, b) => (v === null || v === undefined || !b ? "—" : `${(v / b).toFixed(v / b >= 10 ? 0 : 1)}`);
  const baseFig = figures[base] ?? {};
  for (const impl of impls) {
    if (impl.unavailable) {
      rows.push([impl.label, ...models.flatMap(() => ["n/a", "", "n/a", ""])]);
      continue;
    }
    const f = figures[impl.id] ?? {};
    const row = [impl.label];
    for (const m of models) {
      row.push(fmt(f[m]?.epochMs), ratio(f[m]?.epochMs, baseFig[m]?.epochMs));
      row.push(fmt(f[m]?.boundaryMs), ratio(f[m]?.boundaryMs, baseFig[m]?.boundaryMs));
    }
    rows.push(row);
  }
  // Extra rows: the training pass alone, neuron grids.
  for (const impl of impls) {
    const f = figures[impl.id];
    if (!f) continue;
    if (models.some((m) => f[m]?.passMs)) {
      const row = [`  ${impl.id}: train pass only`];
      for (const m of models) row.push(fmt(f[m]?.passMs), ratio(f[m]?.passMs, baseFig[m]?.epochMs), "", "");
      rows.push(row);
    }
    if (models.some((m) => f[m]?.neuronGridsMs)) {
      const row = [`  ${impl.id}: neuronGrids`];
      for (const m of models) row.push("", "", fmt(f[m]?.neuronGridsMs), ratio(f[m]?.neuronGridsMs, baseFig[m]?.neuronGridsMs));
      rows.push(row);
    }
  }
  // The same figures in main-thread CPU time (mean per call over each batch; median of batches).
  rows.push(["main-thread CPU ms per call:", ...models.flatMap(() => ["", "", "", ""])]);
  for (const impl of impls) {
    const f = figures[impl.id];
    if (!f || impl.spawned) continue;
    const row = [`  ${impl.label}`];
    for (const m of models) {
      row.push(fmt(f[m]?.cpuEpochMs), ratio(f[m]?.cpuEpochMs, baseFig[m]?.cpuEpochMs));
      row.push(fmt(f[m]?.cpuBoundaryMs), ratio(f[m]?.cpuBoundaryMs, baseFig[m]?.cpuBoundaryMs));
    }
    rows.push(row);
  }
  console.log(
    `\nMedian wall-clock ms of single calls over all rounds (× = time / ${base === "core-wasm" ? "core wasm's" : `${base}'s (core wasm not available)`}; > 1 means slower)` +
      "\nepoch = SGD pass over the 250 training points + train and test loss; boundary = P(class 1) on 100×100",
  );
  printColumns(rows);
}

function checkTargets(figures, clock, check) {
  const core = figures["core-wasm"];
  const targets = [];
  const add = (name, ok, detail) => targets.push({ target: name, pass: ok, detail });
  const disagreeing = check.filter((row) => !row.agrees);
  add(
    "every implementation computes the same thing (5-epoch train loss within its precision's tolerance)",
    check.length > 0 && disagreeing.length === 0,
    disagreeing.length ? `disagreeing: ${disagreeing.map((r) => `${r.implementation}/${r.model}`).join(", ")}` : `${check.length} of ${check.length} agree`,
  );
  for (const m of Object.keys(task.MODELS)) {
    const c = core?.[m];
    const ratio = (id, key) => {
      const v = figures[id]?.[m]?.[key];
      return c && v && c[key] ? v / c[key] : null;
    };
    // Both clocks are shown; `clock` decides. CPU time is what wall-clock would be without other
    // processes competing for the two cores (long calls are preempted, short ones mostly not).
    const speedup = (ids, key = "epochMs") => {
      const cpuKey = key === "epochMs" ? "cpuEpochMs" : "cpuBoundaryMs";
      const best = (k) => {
        const rs = ids.map((id) => ratio(id, k)).filter((v) => v !== null);
        return rs.length ? Math.min(...rs) : null;
      };
      return { wall: best(key), cpu: best(cpuKey) };
    };
    const need = (name, factor, got) => {
      const decisive = got[clock];
      const show = (v) => (v === null ? "—" : `${v.toFixed(2)}×`);
      add(
        `${m} ${name}`,
        decisive !== null && decisive >= factor,
        decisive === null ? "not measured" : `${show(decisive)} by ${clock} (need ≥ ${factor}×; by ${clock === "cpu" ? "wall" : "cpu"} ${show(got[clock === "cpu" ? "wall" : "cpu"])})`,
      );
    };
    need("epoch: core wasm ≥ 2× faster than plain JS", 2, speedup(["plain-js"]));
    need("epoch: core wasm ≥ 5× faster than ConvNetJS", 5, speedup(["convnetjs"]));
    need("epoch: core wasm ≥ 5× faster than brain.js", 5, speedup(["brainjs"]));
    need("epoch: core wasm ≥ 50× faster than TensorFlow.js (best backend)", 50, speedup(["tfjs-cpu", "tfjs-wasm"]));
    const native = figures["core-native"]?.[m]?.epochMs;
    const wasmEpoch = clock === "cpu" ? c?.cpuEpochMs : c?.epochMs;
    const wasmOverNative = wasmEpoch && native ? wasmEpoch / native : null;
    add(
      `${m} epoch: core wasm within 1.5× of native`,
      wasmOverNative !== null && wasmOverNative <= 1.5,
      wasmOverNative === null ? "not measured" : `wasm/native = ${wasmOverNative.toFixed(2)} (need ≤ 1.5)`,
    );
    need("boundary: core wasm ≥ 2× faster than plain JS", 2, speedup(["plain-js"], "boundaryMs"));
    need("boundary: core wasm faster than TensorFlow.js wasm (batched)", 1, speedup(["tfjs-wasm"], "boundaryMs"));
  }
  console.log(`\nTargets (issue 5; this machine; decided by ${clock === "cpu" ? "main-thread CPU time" : "wall-clock"}; native by ap_bench's own wall-clock):`);
  for (const t of targets) console.log(`  ${t.pass ? "PASS" : "FAIL"}  ${t.target}: ${t.detail}`);
  console.log("  (the browser frame target is checked by tests/bench/browser-frame.mjs)");
  return targets;
}

async function main() {
  const started = now();
  const m = machine();
  console.log(`Activation Playground benchmark: ${m.cpu}, ${m.cores} cores, node ${m.node}, ${m.platform}`);
  m.loadAverageAtStart = os.loadavg()[0];
  if (m.loadAverageAtStart > 0.5 * m.cores) {
    console.log(`WARNING: load average ${m.loadAverageAtStart.toFixed(1)} on ${m.cores} cores: other work competes for the CPU; figures will be noisy.`);
  }
  console.log("implementations:");
  const impls = await loadImplementations();
  const points = await taskPoints();
  console.log(`data: two-spirals, ${points.x.length} points, ${points.isTest.reduce((a, b) => a + b, 0)} test; from ${points.source}`);
  const tasks = Object.values(task.MODELS).map((model) => makeTask(model, points));

  console.log(`\nCheck: train loss (mean 0.5·(o − t)²) after ${CHECK_EPOCHS} epochs from the shared initial weights`);
  const { rows: check, instances } = await checkAgreement(impls, tasks);
  const figures = await timeAll(impls, tasks, instances);
  const base = figures["core-wasm"] ? "core-wasm" : "plain-js";
  printTable(impls, figures, base);
  const clock = CLOCK === "auto" ? (m.loadAverageAtStart > 1 ? "cpu" : "wall") : CLOCK;
  const targets = checkTargets(figures, clock, check);
  for (const inst of instances.values()) inst.dispose?.();

  const report = {
    date: new Date().toISOString(),
    machine: m,
    task: {
      dataset: "spiral",
      points: task.POINTS,
      trainFraction: task.TRAIN_FRACTION,
      dataSource: points.source,
      models: Object.fromEntries(Object.values(task.MODELS).map((md) => [md.name, { features: md.features, hidden: md.hidden, activation: "tanh", output: "tanh" }])),
      learningRate: task.LEARNING_RATE,
      batchSize: task.BATCH_SIZE,
      shuffle: false,
      grid: task.GRID,
      epochDefinition: "one SGD pass over the 250 training points plus the train and test loss (the core's train(1))",
      passDefinition: "the SGD pass alone (peers only)",
      boundaryDefinition: "P(class 1) on the 100×100 grid; neuronGrids separately",
      rounds: ROUNDS,
      targetClock: clock,
      sampleMs: SAMPLE_MS,
    },
    implementations: impls.map((i) => ({ id: i.id, label: i.label, precision: i.precision, version: i.version, unavailable: i.unavailable })),
    check,
    results: figures,
    ratioBase: base,
    targets,
    seconds: +((now() - started) / 1000).toFixed(1),
  };
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(repoRoot, OUT)} (${report.seconds} s)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
