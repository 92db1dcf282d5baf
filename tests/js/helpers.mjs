// Shared helpers for the node tests: load the built library the way a user
// would, read the reference files, measure distances in ulps.
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const libraryUrl = new URL("../../dist/lib/activation-playground.mjs", import.meta.url).href;

let corePromise = null;
/** One shared core instance per test file (loading takes ~50 ms). */
export function sharedCore() {
  corePromise ??= import(libraryUrl).then(({loadCore}) => loadCore());
  return corePromise;
}

export function readReference(name) {
  return JSON.parse(readFileSync(path.join(repoRoot, "tests/reference", name), "utf8"));
}

/** The catalog's names in menu order, as the reference data lists them (one entry per activation). */
export function catalogNames() {
  return [...new Set(readReference("activations.json").functions.map((f) => f.name))];
}

/** Decodes the reference files' "inf" / "-inf" / "nan" strings (the core's JSON spelling). */
export {decodeNumber as num} from "../../web/lib/number-format.mjs";

const view = new DataView(new ArrayBuffer(8));
/** Spacing of doubles at |x| (the smallest subnormal at 0). */
export function ulp(x) {
  if (!Number.isFinite(x)) return NaN;
  view.setFloat64(0, Math.abs(x));
  const exponent = (view.getUint32(0) >>> 20) & 0x7ff;
  return exponent === 0 ? 2 ** -1074 : 2 ** (exponent - 1075);
}

/** Reference tolerance from tests/reference/README.md; an infinite condition number counts as 0 (stricter). */
export function withinTolerance(got, ref, cond, {absolute}) {
  if (Number.isNaN(ref)) return Number.isNaN(got);
  if (!Number.isFinite(ref)) return got === ref;
  const c = Number.isFinite(cond) ? cond : 0;
  return Math.abs(got - ref) <= (4 + 2 * c) * ulp(ref) + absolute;
}
