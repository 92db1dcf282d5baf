// The two locales: every key in both with the same placeholders, nothing empty or left as its
// key, the message mechanics (fallback, plurals), language choice, the number formatting module
// and the lang key of the URL state. Pure node, no browser (~0.2 s).
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {repoRoot, sharedCore} from "./helpers.mjs";
import {ACTIVATION_FACTS, EXTRA_GUIDES, GUIDE_SECTIONS, guideFacts} from "../../web/src/explorer/guide-facts.js";
import {createMessages, isPlural} from "../../web/src/i18n/messages.js";
import {langOfTag, pickLang} from "../../web/src/i18n/locale.js";
import {formatAxis, formatFixed, formatPercent, formatSignificant, formatSpread, formatTick} from "../../web/src/i18n/format.js";
import {describeProblem} from "../../web/src/i18n/errors.js";
import {hashSetsLang} from "../../web/src/i18n/schema.js";
import {pageSchema} from "../../web/src/state/schema.js";
import {parse, serialize} from "../../web/src/state/url.js";

const messagesRoot = path.join(repoRoot, "web/messages");
const LOCALES = ["en", "zh-CN"];

/** locale -> namespace -> parsed JSON, read from disk the way Vite bundles it. */
function readCatalogs() {
  const catalogs = {};
  for (const locale of readdirSync(messagesRoot, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
    catalogs[locale] = {};
    for (const file of readdirSync(path.join(messagesRoot, locale)).filter((name) => name.endsWith(".json"))) {
      catalogs[locale][file.slice(0, -5)] = JSON.parse(readFileSync(path.join(messagesRoot, locale, file), "utf8"));
    }
  }
  return catalogs;
}

/** Every message as [key, text] (a plural message gives one entry per category, key#category). */
function flatten(node, prefix = "") {
  if (typeof node === "string") return [[prefix, node]];
  if (isPlural(node)) return Object.entries(node).map(([category, text]) => [`${prefix}#${category}`, text]);
  if (node === null || typeof node !== "object") return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key));
}

/** key -> sorted placeholder names (plural categories merged: languages have different ones). */
function placeholderTable(catalog) {
  const table = new Map();
  for (const [key, text] of flatten(catalog)) {
    const base = key.split("#")[0];
    const names = typeof text === "string" ? [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]) : [];
    table.set(base, [...new Set([...(table.get(base) ?? []), ...names])].sort());
  }
  return table;
}

const catalogs = readCatalogs();

test("the message folders are exactly en and zh-CN", () => {
  assert.deepEqual(Object.keys(catalogs).sort(), LOCALES);
});

test("every key of en exists in zh-CN and back, with the same placeholders", () => {
  const en = placeholderTable(catalogs.en);
  const zh = placeholderTable(catalogs["zh-CN"]);
  const onlyEn = [...en.keys()].filter((key) => !zh.has(key));
  const onlyZh = [...zh.keys()].filter((key) => !en.has(key));
  assert.deepEqual(onlyEn, [], `keys missing in zh-CN: ${onlyEn.join(", ")}`);
  assert.deepEqual(onlyZh, [], `keys missing in en: ${onlyZh.join(", ")}`);
  const differing = [...en.keys()].filter((key) => en.get(key).join() !== zh.get(key).join());
  assert.deepEqual(differing.map((key) => `${key}: {${en.get(key)}} vs {${zh.get(key)}}`), []);
});

test("no message is empty, not a string, or equal to its own key", () => {
  for (const locale of LOCALES) {
    for (const [key, text] of flatten(catalogs[locale])) {
      assert.equal(typeof text, "string", `${locale} ${key} is not a string`);
      assert.ok(text.trim() !== "", `${locale} ${key} is empty`);
      assert.ok(text !== key && text !== key.split("#")[0], `${locale} ${key} is its own key`);
    }
  }
});

test("Chinese messages use full-width punctuation, never ASCII commas or full stops between Chinese characters", () => {
  const bad = flatten(catalogs["zh-CN"]).filter(([, text]) => /[\u4e00-\u9fff][,.;:!?](?:\s|[\u4e00-\u9fff]|$)/.test(text) || /[\u4e00-\u9fff]\((?!\w+\))/.test(text));
  assert.deepEqual(bad.map(([key, text]) => `${key}: ${text}`), []);
});

test("a missing key falls back to English and is reported; a missing everywhere returns the key", () => {
  const missing = [];
  const zh = createMessages({app: {hi: "你好，{name}"}}, "zh-CN", undefined, {
    fallback: {app: {hi: "Hello {name}", bye: "Goodbye"}},
    onMissing: (key, locale) => missing.push(`${locale}:${key}`),
  });
  assert.equal(zh.t("app.hi", {name: "李"}), "你好，李");
  assert.equal(zh.t("app.bye"), "Goodbye");
  assert.equal(zh.t("app.nothing"), "app.nothing");
  assert.deepEqual(missing, ["zh-CN:app.bye", "zh-CN:app.nothing"]);
});

test("plural messages choose their form through Intl.PluralRules", () => {
  const en = createMessages({x: {n: {one: "{count} point", other: "{count} points"}}}, "en");
  assert.equal(en.t("x.n", {count: 1}), "1 point");
  assert.equal(en.t("x.n", {count: 3}), "3 points");
  const zh = createMessages({x: {n: {other: "{count} 个点"}}}, "zh-CN");
  assert.equal(zh.t("x.n", {count: 1}), "1 个点");
});

test("the browser's languages choose the language: every Chinese tag gives Chinese, the rest English", () => {
  for (const tag of ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN", "zh-TW", "zh-HK", "zh-Hant", "ZH_cn"]) assert.equal(langOfTag(tag), "zh", tag);
  assert.equal(pickLang(["zh-TW"]), "zh");
  assert.equal(pickLang(["fr-FR", "zh-CN", "en"]), "zh");
  assert.equal(pickLang(["de", "en-GB"]), "en");
  assert.equal(pickLang(["ja", "ko"]), "en");
  assert.equal(pickLang([]), "en");
});

test("numbers are written by one module: ∞, NaN, tiny and huge values, a true minus sign", () => {
  assert.equal(formatSignificant(0.25), "0.25");
  assert.equal(formatSignificant(-1.2784645427610738, 5), "\u22121.2785");
  assert.equal(formatSignificant(Infinity), "\u221e");
  assert.equal(formatSignificant(-Infinity), "\u2212\u221e");
  assert.equal(formatSignificant(NaN), "NaN");
  assert.equal(formatSignificant(1.5e-7, 2), "1.5\u00d710\u207b\u2077");
  assert.equal(formatSignificant(2.5e9, 2), "2.5\u00d710\u2079");
  assert.equal(formatSignificant(1234.5678, 4, "zh-CN"), "1235");
  assert.equal(formatTick(-2, 1), "\u22122");
  assert.equal(formatTick(0.25, 0.05), "0.25");
  assert.equal(formatAxis(20000), "2\u00d710\u2074");
  assert.equal(formatFixed(0.0004, {decimals: 3, expDigits: 2, small: 0.001}), "4.00\u00d710\u207b\u2074");
  assert.equal(formatPercent(0.583), "58%");
  assert.equal(formatPercent(0.5834, 1, "zh-CN"), "58.3%");
});

test("a mean ± spread is written to one decimal place, so a negligible spread never reads 2.2e-16", () => {
  assert.equal(formatSpread(0.58, 2.2e-16), "0.58 \u00b1 0.00");
  assert.equal(formatSpread(0.002, 0.0011), "0.0020 \u00b1 0.0011");
  assert.equal(formatSpread(-0.31, 1.7), "\u22120.3 \u00b1 1.7");
  assert.equal(formatSpread(1e-9, 0), "(1.0 \u00b1 0.0)\u00d710\u207b\u2079");
  assert.equal(formatSpread(0, 0), "0 \u00b1 0");
  assert.equal(formatSpread(-1e-17, 0.4), "0.00 \u00b1 0.40");
});

test("errors with a code are written in the reader's language; unknown codes keep the English message", () => {
  const zh = createMessages(catalogs["zh-CN"], "zh-CN", undefined, {fallback: catalogs.en});
  const problem = {code: "param-out-of-range", details: {activation: "leaky_relu", param: "negative_slope", min: 0, max: 1, value: 5}, message: "negative_slope out of range"};
  assert.equal(describeProblem(zh, problem), "leaky_relu 的参数 negative_slope 必须在 0 到 1 之间（收到的是 5）。");
  assert.equal(describeProblem(zh, {code: "no-such-code", message: "English text"}), "English text");
});

test("lang is part of the URL state; links made before it (v=1 without lang) still open without notices", () => {
  const old = parse("v=1&dataset=xor&lr=0.1", pageSchema);
  assert.deepEqual(old.notices, []);
  assert.equal(old.state.dataset, "xor");
  assert.equal(hashSetsLang("v=1&dataset=xor"), false);
  const zh = parse("v=1&lang=zh", pageSchema);
  assert.equal(zh.state.lang, "zh");
  assert.equal(hashSetsLang("#v=1&lang=zh"), true);
  assert.match(serialize(zh.state, pageSchema), /&lang=zh(&|$)/);
  assert.deepEqual(parse("v=1&lang=fr", pageSchema).notices.map((n) => n.reason), ["malformed"]);
});

const guideLinks = JSON.parse(readFileSync(path.join(messagesRoot, "guide-links.json"), "utf8"));

test("every catalog activation, maxout and softmax has a guide in both locales with every section filled", async () => {
  const core = await sharedCore();
  const names = [...core.activations().map((entry) => entry.name), ...EXTRA_GUIDES];
  for (const locale of LOCALES) {
    const guide = catalogs[locale].guide;
    const missing = names.filter((name) => !guide[name]);
    assert.deepEqual(missing, [], `${locale}: no guide for ${missing.join(", ")}`);
    assert.deepEqual(Object.keys(guide).filter((name) => !names.includes(name)), [], `${locale}: guides for unknown names`);
    for (const name of names) {
      for (const section of GUIDE_SECTIONS) assert.ok(guide[name][section]?.trim().length > 10, `${locale} ${name}.${section} is missing or too short`);
    }
  }
});

test("every number a guide quotes is a fact read from the core, and every fact is a real number", async () => {
  const core = await sharedCore();
  const catalog = core.activations();
  for (const name of [...catalog.map((entry) => entry.name), ...EXTRA_GUIDES]) {
    const facts = guideFacts(core, name, catalog);
    for (const [key, text] of flatten(catalogs.en.guide[name])) {
      for (const [, placeholder] of text.matchAll(/\{(\w+)\}/g)) {
        assert.ok(placeholder in facts, `${name}.${key} quotes {${placeholder}}, which the core does not supply`);
        assert.ok(!Number.isNaN(facts[placeholder]), `${name}.${key}: {${placeholder}} is NaN`);
      }
    }
    if (!EXTRA_GUIDES.includes(name)) for (const fact of ACTIVATION_FACTS) assert.ok(fact in facts, `${name} lacks ${fact}`);
  }
  // The claims the issue names, as the core computes them.
  assert.ok(Math.abs(guideFacts(core, "sigmoid", catalog).maxSlope - 0.25) < 1e-12);
  assert.ok(Math.abs(guideFacts(core, "silu", catalog).critical + 1.2785) < 1e-3);
  const selu = guideFacts(core, "selu", catalog);
  assert.ok(Math.abs(selu.param_alpha - 1.6733) < 1e-4 && Math.abs(selu.param_scale - 1.0507) < 1e-4);
});

test("every guide link opens a valid playground state and has its text in both locales", () => {
  for (const [name, links] of Object.entries(guideLinks)) {
    for (const [id, link] of Object.entries(links)) {
      assert.ok(["explorer", "classifier"].includes(link.show), `${name}.${id}.show`);
      const {notices} = parse(`v=1&lang=zh&${link.state}`, pageSchema);
      assert.deepEqual(notices, [], `${name}.${id}: ${link.state}`);
      for (const locale of LOCALES) assert.ok(catalogs[locale].guide[name]?.links?.[id], `${locale} guide.${name}.links.${id}`);
    }
  }
  for (const locale of LOCALES) {
    for (const [name, entry] of Object.entries(catalogs[locale].guide)) {
      for (const id of Object.keys(entry.links ?? {})) assert.ok(guideLinks[name]?.[id], `${locale} guide.${name}.links.${id} has no target`);
    }
  }
});
