// The <activation-playground> element's attributes map to the app's state keys and back.
import {test} from "node:test";
import assert from "node:assert/strict";
import {pageSchema} from "../../web/src/state/schema.js";
import {parse} from "../../web/src/state/url.js";
import {
  ATTRIBUTE_OF_KEY,
  KEY_OF_ATTRIBUTE,
  OBSERVED_ATTRIBUTES,
  attributesFromState,
  hashFromAttributes,
  stateFromAttributes,
} from "../../web/src/embed/attributes.js";

const defaults = parse("", pageSchema).state;

test("every state key but embed has an attribute, and the attribute maps back to it", () => {
  for (const entry of pageSchema) {
    if (entry.key === "embed") {
      assert.equal(ATTRIBUTE_OF_KEY.embed, undefined, "the element is always an embed");
      continue;
    }
    const name = ATTRIBUTE_OF_KEY[entry.key];
    assert.ok(name, `no attribute for ${entry.key}`);
    assert.match(name, /^[a-z][a-z-]*$/, `${name} is a plain lower-case attribute name`);
    assert.equal(KEY_OF_ATTRIBUTE[name], entry.key);
    assert.ok(OBSERVED_ATTRIBUTES.includes(name));
  }
  assert.equal(ATTRIBUTE_OF_KEY.hidden, "layers", "hidden is a global HTML attribute; layers says what it is");
});

test("readable attributes set the state the URL would", () => {
  const {state, notices} = stateFromAttributes([
    ["dataset", "spiral"],
    ["layers", "8,8"],
    ["learning-rate", "0.1"],
    ["panels", "chart,boundary"],
    ["controls", "all"],
    ["autoplay", "1"],
  ]);
  assert.deepEqual(notices, []);
  assert.deepEqual(state, {dataset: "spiral", hidden: [8, 8], lr: 0.1, panels: ["chart", "boundary"], controls: "all", autoplay: true});
});

test("activation sets every hidden layer and the chart's function, with its parameters", () => {
  const {state} = stateFromAttributes([
    ["activation", "leaky_relu(negative_slope:0.2)"],
    ["layers", "3,3,3"],
  ]);
  assert.deepEqual(state.act, ["leaky_relu(negative_slope:0.2)", "leaky_relu(negative_slope:0.2)", "leaky_relu(negative_slope:0.2)"]);
  assert.deepEqual(state.exFns, ["leaky_relu"]);
  assert.deepEqual(state.exParams, ["negative_slope:0.2"]);
  const plain = stateFromAttributes([["activation", "gelu"]]).state;
  assert.deepEqual(plain.act, defaults.hidden.map(() => "gelu"));
  assert.deepEqual(plain.exParams, ["-"]);
  // An infinite parameter is written as the chart's parameter list writes it.
  const unbounded = stateFromAttributes([["activation", "softplus(threshold:inf)"]]).state;
  assert.deepEqual(unbounded.exParams, ["threshold:inf"]);
});

test("an invalid value is refused with a notice and leaves the key unset", () => {
  const {state, notices} = stateFromAttributes([
    ["learning-rate", "banana"],
    ["panels", "chart,<script>"],
    ["dataset", "xor"],
  ]);
  assert.deepEqual(state, {dataset: "xor"});
  assert.deepEqual(notices.map((notice) => notice.key).sort(), ["lr", "panels"]);
});

test("an unknown attribute is ignored with a console warning; global ones silently", () => {
  const warnings = [];
  const hash = hashFromAttributes(
    [
      ["id", "a"],
      ["class", "b"],
      ["aria-label", "c"],
      ["data-x", "d"],
      ["dir", "ltr"],
      ["colour", "red"],
      ["dataset", "moons"],
    ],
    {warn: (message) => warnings.push(message)},
  );
  assert.equal(hash, "dataset=moons");
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /unknown attribute "colour"/);
});

test("lang takes any Chinese or English BCP 47 tag and becomes the lang state key", () => {
  for (const [tag, lang] of [["zh-CN", "zh"], ["zh", "zh"], ["zh-Hant-TW", "zh"], ["en-GB", "en"], ["en", "en"]]) {
    assert.deepEqual(stateFromAttributes([["lang", tag]]).state, {lang}, tag);
  }
  const {state, notices} = stateFromAttributes([["lang", "fr"]]);
  assert.deepEqual(state, {});
  assert.deepEqual(notices.map((notice) => notice.key), ["lang"]);
});

test("attributes written from a state reproduce it", () => {
  const wanted = {...defaults, dataset: "xor", hidden: [6, 3], act: ["relu", "relu"], lr: 0.3, panels: ["boundary", "network"], controls: "all", exFns: ["swish"], exParams: ["beta:2"]};
  const attributes = attributesFromState(wanted);
  const names = attributes.map(([name]) => name);
  assert.ok(names.includes("layers") && names.includes("learning-rate") && !names.includes("seed"), names.join(" "));
  const {state, notices} = stateFromAttributes(attributes);
  assert.deepEqual(notices, []);
  assert.deepEqual({...defaults, ...state}, wanted);
});

test("share links and snippets: the page link drops presentation keys, snippets escape and embed", async () => {
  const {pageLink, iframeSnippet, elementSnippet, compressText, decompressText} = await import("../../web/src/embed/share.js");
  const state = {...defaults, dataset: "moons", embed: true, panels: ["chart"], controls: "none", exFns: ["leaky_relu"], exParams: ["negative_slope:0.2"]};
  const link = pageLink("https://example.org/p/index.html#old", state);
  assert.match(link, /^https:\/\/example\.org\/p\/index\.html#v=1&dataset=moons&/);
  assert.doesNotMatch(link, /embed=|panels=|controls=/);
  const iframe = iframeSnippet("https://example.org/p/", state, {panels: ["network", "boundary"], controls: "all"});
  assert.match(iframe, /^<iframe src="https:\/\/example\.org\/p\/#v=1&amp;dataset=moons&amp;.*&amp;embed=1&amp;panels=network,boundary&amp;controls=all" /);
  const src = iframe.match(/src="([^"]*)"/)[1].replaceAll("&amp;", "&");
  const embedded = parse(new URL(src).hash, pageSchema).state;
  assert.deepEqual({embed: embedded.embed, panels: embedded.panels, controls: embedded.controls, dataset: embedded.dataset}, {embed: true, panels: ["network", "boundary"], controls: "all", dataset: "moons"});
  const element = elementSnippet("https://example.org/p/lib/activation-playground-element.mjs", {...state, act: ['x"><script>', "tanh"]}, {panels: ["chart"], controls: "none"});
  assert.ok(!element.includes('x"><script>'), "attribute values are escaped");
  assert.match(element, /<activation-playground dataset="moons" .*panels="chart" controls="none"><\/activation-playground>$/);
  const text = JSON.stringify({layers: [[1.5, -2e-7, 3]]});
  const packed = await compressText(text);
  assert.match(packed, /^[A-Za-z0-9_-]+$/);
  assert.equal(await decompressText(packed), text);
});
