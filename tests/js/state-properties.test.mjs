// Properties of the URL state and the element's attribute mapping, checked with fast-check
// over generated states and hostile strings (issue 16): parse∘serialize is the identity on
// valid states, and no string makes parse throw, yield an invalid state or carry markup.
// FC_RUNS raises the number of cases (npm run fuzz sets it).
import {test} from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";

import {parse, serialize, isValid, defaultState} from "../../web/src/state/url.js";
import {pageSchema} from "../../web/src/state/schema.js";
import {hashFromAttributes, stateFromAttributes, attributesFromState, KEY_OF_ATTRIBUTE, SHORTHAND} from "../../web/src/embed/attributes.js";

const numRuns = Number(process.env.FC_RUNS ?? 300);

/** Values `spec` accepts. Numbers are never -0: the URL writes -0 as "0", the same value to every reader. */
function valueOf(spec) {
  switch (spec.type) {
    case "number": {
      const min = spec.min ?? -1e6;
      const max = spec.max ?? 1e6;
      const integers = Math.ceil(min) <= Math.floor(max) ? [fc.integer({min: Math.ceil(min), max: Math.floor(max)})] : [];
      return fc
        .oneof(fc.double({min, max, noNaN: true, noDefaultInfinity: true}), fc.constantFrom(min, max), ...integers)
        .map((v) => (Object.is(v, -0) ? 0 : v))
        .filter((v) => isValid(spec, v));
    }
    case "int":
      return fc.integer({min: spec.min ?? -1e9, max: Math.min(spec.max ?? 1e9, Number.MAX_SAFE_INTEGER)});
    case "bool":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...spec.values);
    case "string":
      // The pattern is anchored (^…$); keep what also fits the length limit.
      return (spec.pattern ? fc.stringMatching(spec.pattern) : fc.string()).filter((s) => isValid(spec, s));
    case "list":
      return fc
        .array(valueOf(spec.item), {minLength: spec.minLength ?? 0, maxLength: Math.min(spec.maxLength ?? 8, 8)})
        .filter((items) => isValid(spec, items));
    default:
      throw new Error(`no generator for ${spec.type}`);
  }
}

/** A whole valid state: every key of the page schema. */
const validState = fc.record(Object.fromEntries(pageSchema.map((entry) => [entry.key, valueOf(entry)]))).map((state) => ({...state}));

/** Text that looks like a hash: known keys, "=", "&", percent escapes, markup, NUL, long runs. */
const hashText = fc.oneof(
  fc.string({unit: "binary", maxLength: 200}),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom("v", ...pageSchema.map((e) => e.key)), fc.string({maxLength: 12})),
        fc.oneof(
          fc.string({maxLength: 40}),
          fc.constantFrom("<img src=x onerror=alert(1)>", "%3Cscript%3E", "%E0%A4%A", "\u0000", "1e999", "-0", "NaN", "Infinity", "__proto__", "1,2,,3", "%"),
        ),
      ),
      {maxLength: 12},
    )
    .map((pairs) => "#" + pairs.map(([k, v]) => `${k}=${v}`).join("&")),
);

const MARKUP = /[<>"']/;

/** Every value of `state` is one its schema entry accepts, and no string value can be markup. */
function assertValidState(state) {
  assert.deepEqual(Object.keys(state).sort(), pageSchema.map((e) => e.key).sort());
  for (const entry of pageSchema) {
    const value = state[entry.key];
    assert.ok(isValid(entry, value), `${entry.key}: ${JSON.stringify(value)}`);
    for (const text of [value].flat()) {
      if (typeof text === "string") assert.doesNotMatch(text, MARKUP, `${entry.key} carries markup characters`);
    }
  }
}

test("parse after serialize gives back any valid state, with no notices", () => {
  fc.assert(
    fc.property(validState, (state) => {
      const {state: back, notices} = parse(serialize(state, pageSchema), pageSchema);
      assert.deepEqual(notices, []);
      assert.deepEqual(back, state);
    }),
    {numRuns},
  );
});

test("serialize after parse is stable: a parsed hash writes the same text twice", () => {
  fc.assert(
    fc.property(hashText, (hash) => {
      const once = serialize(parse(hash, pageSchema).state, pageSchema);
      assert.equal(serialize(parse(once, pageSchema).state, pageSchema), once);
    }),
    {numRuns},
  );
});

test("any string parses without throwing into a valid state free of markup, every notice naming a key", () => {
  fc.assert(
    fc.property(hashText, (hash) => {
      const {state, notices} = parse(hash, pageSchema);
      assertValidState(state);
      for (const notice of notices) {
        assert.equal(typeof notice.key, "string");
        assert.ok(["unknown-key", "malformed", "out-of-range", "version"].includes(notice.reason), notice.reason);
      }
    }),
    {numRuns},
  );
  assert.deepEqual(parse(undefined, pageSchema).state, defaultState(pageSchema));
});

const attributeName = fc.oneof(fc.constantFrom(SHORTHAND, ...Object.keys(KEY_OF_ATTRIBUTE), "id", "aria-label", "data-x", "onclick"), fc.string({maxLength: 12}));
const attributeValue = fc.oneof(fc.string({maxLength: 60}), fc.constantFrom("<b>x</b>", "gelu", "leaky_relu(negative_slope:0.2)", "8,8", "1e999", "-0", "%", "\u0000"));

test("arbitrary attributes never throw and set only valid values of known keys", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(attributeName, attributeValue), {selector: ([name]) => name, maxLength: 8}), (attributes) => {
      const warnings = [];
      hashFromAttributes(attributes, {warn: (text) => warnings.push(text)});
      const {state} = stateFromAttributes(attributes, {warn: () => {}});
      for (const [key, value] of Object.entries(state)) {
        const entry = pageSchema.find((e) => e.key === key);
        assert.ok(entry, `unknown key ${key}`);
        assert.ok(isValid(entry, value), `${key}: ${JSON.stringify(value)}`);
      }
    }),
    {numRuns},
  );
});

test("attributes written for a valid state read back as that state", () => {
  fc.assert(
    fc.property(validState, (state) => {
      const {state: partial, notices} = stateFromAttributes(attributesFromState(state), {warn: () => assert.fail("warned")});
      assert.deepEqual(notices, []);
      const expected = parse(serialize(state, pageSchema), pageSchema).state;
      const back = {...defaultState(pageSchema), ...partial};
      for (const entry of pageSchema) {
        if (entry.key === "embed") continue; // implied by the element, never an attribute
        assert.deepEqual(back[entry.key], expected[entry.key], entry.key);
      }
    }),
    {numRuns},
  );
});
