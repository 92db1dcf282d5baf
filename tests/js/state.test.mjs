// The page's state and URL code, in plain node: parse/serialize, the store, the classifier
// schema and its activation tokens, the trainer config built from state, the messages.
import {test} from "node:test";
import assert from "node:assert/strict";

import {parse, serialize, defaultState, sanitize, checkSchema, parseValue, STATE_VERSION} from "../../web/src/state/url.js";
import {mergeSchemas} from "../../web/src/state/merge.js";
import {createStore} from "../../web/src/state/store.js";
import {classifierSchema, LEARNING_RATES} from "../../web/src/classifier/schema.js";
import {explorerSchema} from "../../web/src/explorer/schema.js";
import {parseActivation, formatActivation, resolveActivation, compactActivation} from "../../web/src/state/activation-spec.js";
import {trainerConfig, layerTokens, lowerLearningRate, addedPoints, compareActivation} from "../../web/src/classifier/config.js";
import {createMessages} from "../../web/src/i18n/messages.js";

const {schema, problems} = mergeSchemas(classifierSchema, explorerSchema);

// A small catalog in the shape of core.activations(), enough for the token checks.
const catalog = [
  {name: "tanh", label: "Tanh", group: "classic", params: []},
  {name: "relu", label: "ReLU", group: "relu-family", params: []},
  {name: "leaky_relu", label: "Leaky ReLU", group: "relu-family", params: [{name: "negative_slope", default: 0.01, min: 0, max: 1, learnable: false}]},
  {name: "prelu", label: "PReLU", group: "relu-family", params: [{name: "a", default: 0.25, min: -1, max: 1, learnable: true}]},
  {name: "softplus", label: "Softplus", group: "smooth", params: [{name: "beta", default: 1, min: 0.01, max: 100, learnable: false}, {name: "threshold", default: 20, min: 0, max: Infinity, learnable: false}]},
];

test("the merged page schema has no problems and unique keys", () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(checkSchema(schema), []);
  assert.equal(new Set(schema.map((e) => e.key)).size, schema.length);
});

test("an empty hash gives the defaults and no notices", () => {
  for (const hash of ["", "#", "#v=1"]) {
    const {state, notices} = parse(hash, schema);
    assert.deepEqual(state, defaultState(schema));
    assert.deepEqual(notices, []);
  }
});

test("serialize writes the version first and every key", () => {
  const text = serialize(defaultState(schema), schema);
  assert.ok(text.startsWith(`v=${STATE_VERSION}&`));
  for (const entry of schema) assert.match(text, new RegExp(`(^|&)${entry.key}=`));
});

test("a state round-trips through serialize and parse", () => {
  const state = {
    ...defaultState(schema),
    dataset: "spiral",
    classes: 3,
    noise: 0.25,
    train: 0.7,
    seed: 4294967295,
    features: ["x", "y", "x2", "sinx"],
    std: true,
    hidden: [8, 8, 6],
    act: ["relu", "leaky_relu(negative_slope:0.2)", "softplus(beta:2;threshold:inf)"],
    lr: 0.003,
    opt: "adam",
    batch: 25,
    reg: "l2",
    regRate: 0.001,
    added: ["1.25:-3.5:1", "-6:6:0"],
    compare: true,
    compareAct: "prelu(a:0.1;learn:0)",
    exFns: ["sigmoid", "tanh"],
    exParams: ["-", "-"],
    exXMin: -3.5,
  };
  const text = serialize(state, schema);
  const back = parse(`#${text}`, schema);
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state, state);
  assert.equal(serialize(back.state, schema), text);
});

test("numbers keep their exact value through the URL", () => {
  for (const lr of [1e-7, 0.1 + 0.2, 3.0000000000000004, 10]) {
    const text = serialize({...defaultState(schema), lr}, schema);
    assert.equal(parse(text, schema).state.lr, lr);
  }
});

test("malformed, out-of-range and unknown values fall back to defaults with notices", () => {
  const {state, notices} = parse("#v=1&lr=abc&noise=2&hidden=4,x&dataset=pizza&bogus=1&std=maybe&seed=-1&features=", schema);
  const defaults = defaultState(schema);
  for (const key of ["lr", "noise", "hidden", "dataset", "std", "seed", "features"]) assert.deepEqual(state[key], defaults[key], key);
  const reasons = Object.fromEntries(notices.map((n) => [n.key, n.reason]));
  assert.deepEqual(reasons, {
    lr: "malformed",
    noise: "out-of-range",
    hidden: "malformed",
    dataset: "malformed",
    bogus: "unknown-key",
    std: "malformed",
    seed: "out-of-range",
    features: "out-of-range",
  });
});

test("parse never throws, whatever the hash", () => {
  const nasty = ["#%", "#v=%E0%A4%A", "#=&=&&", "#lr", "#" + "a=".repeat(5000), "#lr=1e999", "#lr=NaN", "#hidden=" + "1,".repeat(100) + "1", "#act=<img src=x onerror=alert(1)>", null, undefined, 42];
  for (const hash of nasty) {
    const {state} = parse(hash, schema);
    assert.equal(typeof state, "object");
    assert.deepEqual(Object.keys(state).sort(), schema.map((e) => e.key).sort());
  }
});

test("another version is reported but read as far as possible", () => {
  const {state, notices} = parse("#v=2&lr=0.1", schema);
  assert.equal(state.lr, 0.1);
  assert.deepEqual(notices, [{key: "v", value: "2", reason: "version"}]);
});

test("list values parse item by item with length limits", () => {
  const hidden = classifierSchema.find((e) => e.key === "hidden");
  assert.deepEqual(parseValue(hidden, ""), {value: []});
  assert.deepEqual(parseValue(hidden, "8,8,8,8,8,8"), {value: [8, 8, 8, 8, 8, 8]});
  assert.equal(parseValue(hidden, "1,2,3,4,5,6,7,8,9").reason, "out-of-range");
  assert.equal(parseValue(hidden, "0").reason, "out-of-range");
  assert.equal(parseValue(hidden, "65").reason, "out-of-range");
});

test("sanitize keeps valid values and rejects the rest", () => {
  const {values, rejected} = sanitize({lr: 0.3, noise: 5, hidden: [4, "x"], nope: 1, act: ["tanh"]}, schema);
  assert.deepEqual(values, {lr: 0.3, act: ["tanh"]});
  assert.deepEqual(rejected.sort(), ["hidden", "noise", "nope"]);
});

test("the store notifies subscribers with the changed keys only when something changed", () => {
  const store = createStore(defaultState(schema), (partial) => sanitize(partial, schema));
  const calls = [];
  const unsubscribe = store.subscribe((state, changed) => calls.push([...changed]));
  store.set({lr: 0.1, hidden: [4, 2]});
  store.set({lr: 0.1});
  store.set({lr: -5});
  unsubscribe();
  store.set({lr: 1});
  assert.deepEqual(calls, [["lr"]]);
  assert.equal(store.get().lr, 1);
  assert.ok(Object.isFrozen(store.get()));
});

test("activation tokens parse, format and resolve against the catalog", () => {
  assert.deepEqual(parseActivation("tanh"), {name: "tanh", params: {}, learn: true});
  assert.deepEqual(parseActivation("softplus(beta:2;threshold:inf)"), {name: "softplus", params: {beta: 2, threshold: Infinity}, learn: true});
  assert.deepEqual(parseActivation("prelu(a:0.1;learn:0)"), {name: "prelu", params: {a: 0.1}, learn: false});
  assert.equal(parseActivation("tanh("), null);
  assert.equal(parseActivation("Tanh"), null);
  assert.equal(formatActivation({name: "softplus", params: {beta: 2, threshold: Infinity}, learn: true}), "softplus(beta:2;threshold:inf)");
  assert.deepEqual(resolveActivation(parseActivation("leaky_relu"), catalog).spec, {name: "leaky_relu", params: {negative_slope: 0.01}, learn: true});
  assert.equal(resolveActivation(parseActivation("leaky_relu(negative_slope:5)"), catalog).reason, "negative_slope out of range");
  assert.equal(resolveActivation(parseActivation("swoosh"), catalog).reason, "unknown activation");
  assert.equal(resolveActivation(parseActivation("tanh(beta:1)"), catalog).reason, "unknown parameter beta");
  assert.deepEqual(resolveActivation(parseActivation("maxout(k:3)"), catalog).spec, {name: "maxout", params: {k: 3}, learn: true});
  assert.equal(resolveActivation(parseActivation("maxout(k:9)"), catalog).reason, "k out of range");
  assert.equal(compactActivation({name: "leaky_relu", params: {negative_slope: 0.01}, learn: true}, catalog), "leaky_relu");
  assert.equal(compactActivation({name: "prelu", params: {a: 0.25}, learn: false}, catalog), "prelu(learn:0)");
});

test("the trainer config follows the state", () => {
  const state = {...parse("", schema).state, hidden: [8, 8, 8], act: ["relu", "prelu(a:0.1;learn:0)"], batch: 500, points: 100, train: 0.5};
  assert.deepEqual(layerTokens(state), ["relu", "prelu(a:0.1;learn:0)", "prelu(a:0.1;learn:0)"]);
  const {config, problems: configProblems} = trainerConfig(state, catalog);
  assert.deepEqual(configProblems, []);
  assert.deepEqual(config.activation, ["relu", {name: "prelu", params: {a: 0.1}, learn: false}, {name: "prelu", params: {a: 0.1}, learn: false}]);
  assert.equal(config.batchSize, 50);
  assert.equal(config.classes, 2);
  assert.deepEqual(config.hidden, [8, 8, 8]);
  assert.equal(config.learningRate, 0.03);
});

test("unknown activations in the state are reported and replaced by tanh", () => {
  const state = {...parse("", schema).state, act: ["relu", "nonsense"]};
  const {config, problems: configProblems, tokens} = trainerConfig(state, catalog);
  assert.deepEqual(configProblems, [{key: "act", value: "nonsense", reason: "unknown activation", code: "unknown-activation", details: {activation: "nonsense"}}]);
  assert.deepEqual(config.activation, ["relu", "tanh"]);
  assert.deepEqual(tokens, ["relu", "tanh"]);
  assert.equal(compareActivation({...state, compareAct: "nope"}, catalog).problem.reason, "unknown activation");
});

test("a divergence suggests about a tenth of the learning rate", () => {
  assert.equal(lowerLearningRate(10, LEARNING_RATES), 1);
  assert.equal(lowerLearningRate(3, LEARNING_RATES), 0.3);
  assert.equal(lowerLearningRate(0.03, LEARNING_RATES), 0.003);
  assert.equal(lowerLearningRate(0.00001, LEARNING_RATES), 0.00001);
});

test("added points come back as numbers", () => {
  assert.deepEqual(addedPoints({added: ["1.5:-2:1", "-6:6:0"]}), [
    {x: 1.5, y: -2, label: 1},
    {x: -6, y: 6, label: 0},
  ]);
});

test("messages fill placeholders, fall back to the key and scope to a section", () => {
  const messages = createMessages({app: {hi: "Hello {name}"}, explorer: {title: "Explorer"}});
  assert.equal(messages.t("app.hi", {name: "<b>"}), "Hello <b>");
  assert.equal(messages.t("app.missing"), "app.missing");
  const scoped = messages.scoped("explorer");
  assert.equal(scoped.t("title"), "Explorer");
  assert.equal(scoped.t("explorer.title"), "Explorer");
  assert.equal(scoped.t("app.hi", {name: "x"}), "Hello x");
});
