// Swish/SiLU, x·σ(x), dips below zero and has a minimum near x ≈ −1.278; GELU, x·Φ(x), weights
// its input by the standard normal CDF and has its minimum near −0.752; ReLU has no such point.
// The measurement: the critical points the core finds (where f' = 0) on [−5, 5], the value there,
// whether the catalog calls the function monotonic, and GELU(x)/x against Φ(x).
import {progressCounter} from "./kit.js";

const ACTIVATIONS = ["silu", "gelu", "relu"];
/** Φ at 1 and −1, from the 60-digit value of erf(1/√2) (0.6826894921370859). */
const PHI = {1: 0.8413447460685429, "-1": 0.15865525393145707};

export default {
  id: "smooth-gates",
  seeds: [],
  base: {dataset: "spiral", points: 300, noise: 0, hidden: [8, 8], act: ["silu", "silu"], init: "he", initScale: 1, biasInit: 0, opt: "adam", lr: 0.01, std: false, seed: 1, compare: false},
  steps: [
    {state: {exFns: ["silu", "gelu", "relu"], exParams: ["-", "-", "-"], exXMin: -5, exXMax: 5}},
    {state: {exFns: ["gelu", "gelu_tanh"], exParams: ["-", "-"], exXMin: -4, exXMax: 2}},
    {state: {compare: true, compareAct: "relu"}},
    {state: {}, measure: true},
  ],
  measure(core, {onProgress} = {}) {
    const tick = progressCounter(ACTIVATIONS.length, onProgress);
    const catalog = core.activations();
    const rows = ACTIVATIONS.map((name) => {
      const points = Array.from(core.criticalPoints(name, {}, -5, 5));
      const at = points.length ? core.evaluate(name, {}, points).y[0] : null;
      tick();
      return {activation: name, critical: points.length ? points[0] : null, value: at, monotonic: catalog.find((entry) => entry.name === name).properties.monotonic ? "yes" : "no"};
    });
    const gelu = core.evaluate("gelu", {}, [1, -1]).y;
    const geluGap = Math.max(Math.abs(gelu[0] / 1 - PHI[1]), Math.abs(gelu[1] / -1 - PHI["-1"]));
    const silu = rows[0];
    return {
      columns: [
        {key: "activation", format: "text"},
        {key: "critical", format: "fixed4"},
        {key: "value", format: "fixed4"},
        {key: "monotonic", format: "message"},
      ],
      rows,
      verdicts: [
        {
          key: silu.critical !== null && Math.abs(silu.critical + 1.278) < 0.001 && rows[2].critical === null ? "holds" : "fails",
          vars: {silu: silu.critical, siluMin: silu.value, gelu: rows[1].critical, geluMin: rows[1].value},
          formats: {silu: "fixed4", siluMin: "fixed4", gelu: "fixed4", geluMin: "fixed4"},
        },
        {key: geluGap < 1e-12 ? "geluIsXPhi" : "geluDiffers", vars: {gap: geluGap}, formats: {gap: "exp"}},
      ],
      figures: {rows, geluGap},
    };
  },
};
