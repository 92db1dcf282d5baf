// This project's native build: build/native/ap_bench, spawned; it times itself.
//   ap_bench --model <file.json> --epochs N --json
// imports the model, trains 5 epochs and reports their losses (the agreement check), then
// times N more epochs one by one (median) and the grids, and prints one JSON object:
//   {msPerEpoch, msPredictGrid100, msNeuronGrids100, epochs, trainLossAfter5, testLossAfter5}
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const info = { id: "core-native", label: "core native (ap_bench)", precision: "float64" };

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const AP_BENCH = process.env.AP_BENCH ?? path.join(repoRoot, "build/native/ap_bench");

function run(args) {
  return new Promise((resolve, reject) => {
    execFile(AP_BENCH, args, { maxBuffer: 64 << 20, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) {
        const detail = (stderr || stdout || error.message).trim().split("\n").slice(-3).join(" | ");
        reject(new Error(`ap_bench ${args.join(" ")} failed: ${detail}`));
        return;
      }
      const text = stdout.trim();
      const start = text.indexOf("{");
      try {
        resolve(JSON.parse(text.slice(start)));
      } catch {
        reject(new Error(`ap_bench printed no JSON object: ${text.slice(0, 200)}`));
      }
    });
  });
}

export async function load() {
  if (!existsSync(AP_BENCH)) {
    return { ...info, unavailable: `not available yet: ${path.relative(repoRoot, AP_BENCH)} is missing (npm run build)` };
  }
  return {
    ...info,
    spawned: true,
    /** Writes the model file once; returns a runner for `epochs` epochs. */
    instance(task) {
      const dir = path.join(repoRoot, "build/bench");
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `model-${task.model.name}.json`);
      writeFileSync(file, task.modelJson);
      return {
        /** The train loss after the 5 epochs ap_bench always trains first. */
        checkLossAfter5: async () => (await this.runOnce(file, 1)).trainLossAfter5,
        run: (epochs) => this.runOnce(file, epochs),
        dispose() {},
      };
    },
    async runOnce(file, epochs) {
      const report = await run(["--model", file, "--epochs", String(epochs), "--json"]);
      return {
        epochMs: report.msPerEpoch,
        boundaryMs: report.msPredictGrid100,
        neuronGridsMs: report.msNeuronGrids100,
        trainLossAfter5: report.trainLossAfter5,
        report,
      };
    },
  };
}
