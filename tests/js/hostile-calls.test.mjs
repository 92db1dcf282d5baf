// What a hostile caller found (issue 16): calls that throw must leak nothing, deep
// nesting is refused before parsing, indices never wrap around 2^32, messages clip
// their echoes, and inputs that used to be silently reinterpreted are refused.
import {test} from "node:test";
import assert from "node:assert/strict";
import {libraryUrl} from "./helpers.mjs";

// A core of its own, so the heap figures are not disturbed by other test files' trainers.
const core = await import(libraryUrl).then(({loadCore}) => loadCore({fresh: true}));

/** Bytes the wasm heap grows by over `count` calls of `call`, each of which must throw. */
function heapGrowthOfRejectedCalls(call, count) {
  for (let i = 0; i < 3; i++) assert.throws(call); // warm-up: first-use allocations
  const before = core.memory().heapBytesInUse;
  for (let i = 0; i < count; i++) {
    try {
      call();
      assert.fail("the call should have thrown");
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
    }
  }
  return core.memory().heapBytesInUse - before;
}

const big = "x".repeat(100_000);
const mismatchedData = {x: Array(5000).fill(0.5), y: Array(5000).fill(0.5), label: Array(4999).fill(1)};

test("two hundred rejected calls with 100 KB arguments leave the wasm heap where it was", () => {
  const trainer = core.createTrainer({});
  try {
    const calls = {
      importModel: () => core.importModel(big),
      "createTrainer (bad value)": () => core.createTrainer({dataset: big}),
      "createTrainer (unknown key)": () => core.createTrainer({[big]: 1}),
      "createTrainer (mismatched custom data)": () => core.createTrainer({dataset: "custom", data: mismatchedData}),
      update: () => trainer.update({learningRate: big}),
      evaluate: () => core.evaluate(big, {}, [1]),
      criticalPoints: () => core.criticalPoints(big, {}, -1, 1),
    };
    for (const [name, call] of Object.entries(calls)) {
      const growth = heapGrowthOfRejectedCalls(call, 200);
      assert.ok(growth < 64 * 1024, `${name}: the heap grew by ${growth} bytes over 200 rejected calls`);
    }
  } finally {
    trainer.dispose();
  }
});

test("wasm memory does not grow over a thousand rejected 100 KB calls", () => {
  const before = core.memory().wasmBytes;
  for (let i = 0; i < 1000; i++) assert.throws(() => core.importModel(big));
  assert.equal(core.memory().wasmBytes, before);
});

test("a failed call leaves no error behind for the next successful call", () => {
  assert.throws(() => core.evaluate("nope", {}, [1]), /unknown activation 'nope'/);
  assert.equal(core.evaluate("tanh", {}, [0]).y[0], 0);
});

test("nesting past 32 arrays/objects is refused before parsing, naming the field, without leaking", () => {
  const deep = "[".repeat(10_000) + "]".repeat(10_000);
  assert.throws(() => core.importModel(deep), /^Error: model: nested deeper than 32 arrays\/objects$/);
  const growth = heapGrowthOfRejectedCalls(() => core.importModel(deep), 200);
  assert.ok(growth < 64 * 1024, `the heap grew by ${growth} bytes`);
  let nested = 1;
  for (let i = 0; i < 10_000; i++) nested = [nested];
  assert.throws(() => core.createTrainer({seed: nested}), /^RangeError: config\.seed(\[0\])+: nested deeper than 32/);
  assert.throws(() => core.evaluate("tanh", {alpha: nested}, [1]), /nested deeper than 32/);
  const trainer = core.createTrainer({});
  try {
    assert.throws(() => trainer.update({learningRate: nested}), /nested deeper than 32/);
  } finally {
    trainer.dispose();
  }
  // Quotes and brackets inside strings do not count.
  assert.throws(() => core.importModel(`{"format": "${"[".repeat(100)}"}`), /model\.format: must be 1/);
  // After all that the core still evaluates a million points.
  assert.equal(core.evaluate("relu", {}, new Float64Array(1e6)).y.length, 1e6);
});

test("indices beyond 32 bits are refused, never wrapped onto another layer or unit", () => {
  const trainer = core.createTrainer({hidden: [4, 4]});
  try {
    const before = trainer.weights();
    assert.throws(() => trainer.setWeight(2 ** 32 + 1, 0, 0, 7), /setWeight\(layer\): must be an integer in 0\.\.\d+, got 4294967297/);
    assert.throws(() => trainer.setWeight(1e308, 0, 0, 7), /setWeight\(layer\): must be an integer/);
    assert.throws(() => trainer.setWeight(0, 2 ** 32, 0, 7), /setWeight\(to\)/);
    assert.throws(() => trainer.setWeight(0, 0, -(2 ** 32), 7), /setWeight\(from\)/);
    assert.throws(() => trainer.setBias(2 ** 32 + 2, 0, 3), /setBias\(layer\)/);
    assert.throws(() => trainer.neuronGrid(2 ** 32, 0), /neuronGrid\(layer\)/);
    assert.throws(() => trainer.neuronGrid(0, 2 ** 32), /neuronGrid\(index\)/);
    assert.throws(() => trainer.transform(2 ** 53, [0], [0]), /transform\(layer\)/);
    assert.throws(() => trainer.setWeight(2 ** 31, 0, 0, 7), /got 2147483648/);
    assert.deepEqual(trainer.weights(), before);
  } finally {
    trainer.dispose();
  }
});

test("messages clip echoed text to 80 characters, keep NUL bytes visible and name the field", () => {
  const longName = "q".repeat(1_000_000);
  const message = (call) => {
    try {
      call();
    } catch (error) {
      return error.message;
    }
    assert.fail("the call should have thrown");
  };
  const evaluateMessage = message(() => core.evaluate(longName, {}, [1]));
  assert.match(evaluateMessage, new RegExp(`^unknown activation '${"q".repeat(80)}…'; known activations: `));
  assert.ok(evaluateMessage.length < 1000, `${evaluateMessage.length} characters`);
  const keyMessage = message(() => core.createTrainer({[longName]: 1}));
  assert.match(keyMessage, new RegExp(`^config\\.${"q".repeat(80)}…: unknown key; allowed keys are `));
  assert.ok(keyMessage.length < 1000);
  // A NUL byte no longer cuts the message short.
  assert.match(message(() => core.evaluate("ta\0nh", {}, [1])), /^unknown activation 'ta\\u0000nh'; known activations: identity, /);
  // NaN is named as the caller wrote it, not as its wire encoding "nan".
  assert.equal(message(() => core.createTrainer({learningRate: NaN})).includes('"nan"'), false);
  assert.match(message(() => core.createTrainer({learningRate: NaN})), /^config\.learningRate: .*got NaN$/);
  // BigInt, Symbol, functions and undefined are refused naming the key, not dropped or serialised.
  assert.match(message(() => core.createTrainer({seed: 10n})), /^config\.seed: must be a number, string, boolean, null, array or object, got a bigint$/);
  assert.match(message(() => core.createTrainer({seed: Symbol("s")})), /^config\.seed: .*got a symbol$/);
  assert.match(message(() => core.createTrainer({seed: () => 1})), /^config\.seed: .*got a function$/);
  assert.match(message(() => core.createTrainer({seed: undefined})), /^config\.seed: .*got a undefined$/);
  assert.match(message(() => core.evaluate(42, {}, [1])), /^name: must be a string, got a number$/);
});

test("allocation failures say which call ran out of memory and for how much", async () => {
  // A core of its own: this one grows towards the 2 GB limit, and is dropped afterwards.
  const hungry = await import(libraryUrl).then(({loadCore}) => loadCore({fresh: true}));
  const trainer = hungry.createTrainer({hidden: [8, 8]});
  const xs = new Float64Array(3e7);
  assert.throws(() => trainer.transform(0, xs, xs), /^Error: transform: out of memory: .* for 30000000 points$/);
  // The instance stays usable.
  assert.equal(trainer.transform(0, [0], [0]).length, 8);
  trainer.dispose();
});

test("criticalPoints finds SiLU's minimum at -1.278 over huge ranges too", () => {
  for (const [lo, hi] of [[-5, 5], [-1e9, 5], [-1e308, 1e308]]) {
    const points = core.criticalPoints("silu", {}, lo, hi);
    assert.equal(points.length, 1, `[${lo}, ${hi}]: ${points}`);
    assert.ok(Math.abs(points[0] + 1.2785) < 1e-3, `[${lo}, ${hi}]: ${points}`);
  }
});

test("evaluate refuses non-numbers instead of coercing them", () => {
  for (const [bad, got] of [["abc", "a string"], [null, "null"], [true, "a boolean"], [[2], "an array"], [10n, "a bigint"]]) {
    assert.throws(() => core.evaluate("tanh", {}, [0, bad]), new RegExp(`^TypeError: xs\\[1\\]: must be a number, got ${got.replace(/[[\]]/g, "\\$&")}$`));
  }
  assert.throws(() => core.evaluate("tanh", {}, new BigInt64Array(2)), /xs: must hold numbers/);
  assert.deepEqual(Array.from(core.evaluate("tanh", {}, new Float32Array([0])).y), [0]);
});

test("grid specs are refused when they are not an object or misspell a key, and bounds stay within ±1e6", () => {
  const trainer = core.createTrainer({});
  try {
    assert.throws(() => trainer.predictGrid({siz: 8}), /^TypeError: predictGrid\(spec\)\.siz: unknown key; allowed keys are size, xMin, xMax, yMin, yMax$/);
    assert.throws(() => trainer.predictGrid(8), /predictGrid\(spec\): must be a plain object/);
    assert.throws(() => trainer.predictGrid({xMin: -1e308, xMax: 1e308}), /^Error: grid\.xMin: must be a finite number in -1e6\.\.1e6, got -1e\+308$/);
    assert.throws(() => trainer.neuronGrid(-1, 0, {xMin: -1e39}), /grid\.xMin: must be a finite number in -1e6\.\.1e6/);
    const cells = trainer.predictGrid({size: 4, xMin: -1e6, xMax: 1e6, yMin: -1e6, yMax: 1e6});
    assert.ok(cells.every(Number.isFinite));
  } finally {
    trainer.dispose();
  }
});

test("custom data: typed arrays are accepted, and values beyond ±1e6 are refused naming the entry", () => {
  const n = 20;
  const x = Float64Array.from({length: n}, (_, i) => i / n - 0.5);
  const y = Float32Array.from({length: n}, (_, i) => (i % 5) / 5 - 0.5);
  const label = Int32Array.from({length: n}, (_, i) => i % 2);
  const trainer = core.createTrainer({dataset: "custom", data: {x, y, label}});
  try {
    assert.equal(trainer.config().classes, 2);
  } finally {
    trainer.dispose();
  }
  const huge = Array.from(x);
  huge[3] = 1e200;
  assert.throws(
    () => core.createTrainer({dataset: "custom", data: {x: huge, y: Array.from(y), label: Array.from(label)}}),
    /^Error: config\.data\.x\[3\]: must be a finite number in -1e6\.\.1e6, got 1e\+200$/,
  );
  assert.throws(
    () => core.createTrainer({dataset: "custom", data: {x: Array.from(x), y: Array.from(y), label: Array(n).fill(1e308)}}),
    /config\.data\.label\[0\]: must be a finite number in -1e6\.\.1e6/,
  );
});

test("custom labels follow the documented rule: integers 0..4 with two distinct values classify, anything else regresses", () => {
  const n = 12;
  const x = Array.from({length: n}, (_, i) => i / n);
  const y = Array.from({length: n}, (_, i) => 1 - i / n);
  const classesOf = (label, extra = {}) => {
    const trainer = core.createTrainer({dataset: "custom", data: {x, y, label}, ...extra});
    try {
      const {classes} = trainer.config();
      return trainer.points().label instanceof Int32Array ? classes : "regression";
    } finally {
      trainer.dispose();
    }
  };
  assert.equal(classesOf(x.map((_, i) => i % 3)), 3);
  assert.equal(classesOf(x.map((_, i) => (i % 2) * 4)), 5);
  assert.equal(classesOf(x.map((_, i) => i % 6)), "regression");
  assert.equal(classesOf(x.map(() => 0)), "regression");
  assert.equal(classesOf(x.map((_, i) => (i % 2) - 1)), "regression");
  assert.equal(classesOf(x.map((_, i) => (i % 2) / 2)), "regression");
  assert.throws(() => classesOf(x.map((_, i) => i % 3), {classes: 2}), /^Error: config\.classes: must be 3 for this custom data/);
});
