// The page in Simplified Chinese, against the built site (dist/) in Debian's Chromium: no English
// left on the page, the embed view or the element (outside names and code); a live switch that
// keeps a training run going; errors in Chinese; the browser's language chooses; screenshots.
// Run: node --test tests/browser/i18n.test.mjs   (~25 s; screenshots go to build/screenshots/)
import {test, before} from "node:test";
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import path from "node:path";
import {screenshotDir, useWorld, watchProblems} from "./chromium.mjs";
import {englishWordsIn} from "./i18n-english.mjs";
import {repoRoot, sharedCore} from "../js/helpers.mjs";

const zhApp = JSON.parse(await readFile(path.join(repoRoot, "web/messages/zh-CN/app.json"), "utf8"));
const ALL_PANELS = "chart,boundary,network,loss,diagnostics,controls";

/**
 * English that may stay on a Chinese page: the names of activations (every word of the catalog's
 * names and labels, read from the core), optimizers and initialisers, frameworks, file formats and
 * the CSV columns a file must have,
 * the symbols of formulas, parameter names, and the terms the glossary keeps in English (dying ReLU,
 * dropout). Anything else English is a missed translation.
 */
const NAMES = ["softmax", "maxout", "logistic", "LSTM", "GRU", "BERT", "GPT", "Transformer", "MobileNets", "MobileNetV3", "EfficientNet", "YOLOv", "GAN", "dropout", "alpha", "dying", "log", "CIFAR", "Torch", "SGD", "Adam", "Maxout", "Xavier", "Glorot", "He", "LeCun", "L1", "L2", "PyTorch", "Keras", "TensorFlow", "js", "TF", "Playground", "WebAssembly", "iframe", "activation-playground", "NaN", "CSV", "JSON", "PNG", "SVG", "MB", "label", "split", "sin", "max", "exp", "erf", "tanh", "ln"];
let allowed;
const world = useWorld();

before(async () => {
  const core = await sharedCore();
  const words = core.activations().flatMap((entry) => `${entry.name} ${entry.label} ${entry.params.map((p) => p.name.replace(/_/g, " ")).join(" ")}`.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []);
  // The guide cites papers: their authors and titles stay as published.
  const guide = JSON.parse(await readFile(path.join(repoRoot, "web/messages/zh-CN/guide.json"), "utf8"));
  const cited = Object.values(guide).flatMap((entry) => entry.origin.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []);
  allowed = [...new Set([...NAMES, ...words, ...cited])];
});

async function openPage(hash, {width = 1280, height = 900, locale} = {}) {
  const page = await world.browser.newPage({viewport: {width, height}, ...(locale ? {locale} : {})});
  const problems = watchProblems(page);
  await page.goto(`${world.server.url}${hash}`);
  await page.waitForSelector(".section--classifier[data-seq]", {state: "attached"});
  await page.evaluate(() => window.activationPlayground.ready);
  return {page, problems};
}

const english = (page, selector = null, host = null) => page.evaluate(([fn, sel, allow, hostId]) => new Function(`return (${fn})`)()(sel, allow, hostId), [englishWordsIn.toString(), selector, allowed, host]);

test("with lang=zh the page shows no English outside names, code and formulas (text, ARIA labels, titles, the share dialog)", async () => {
  const {page, problems} = await openPage("#lang=zh");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  assert.equal(await page.title(), zhApp.title);
  // The diagnostics and hidden-space panels draw once seen; tooltips and the dialog are checked too.
  await page.locator(".panel--diagnostics").scrollIntoViewIfNeeded();
  await page.waitForSelector(".diagnostics[data-epoch]", {state: "attached"});
  assert.deepEqual(await english(page), {});
  await page.click("[data-action=embed]");
  await page.waitForSelector("dialog[open]");
  assert.deepEqual(await english(page, "dialog[open]"), {});
  assert.deepEqual(problems, []);
  await page.close();
});

test("with lang=zh every activation's guide (and maxout's and softmax's) is Chinese apart from names and citations", async () => {
  const {page, problems} = await openPage("#lang=zh");
  const names = await page.evaluate(() => [...document.querySelectorAll(".ex-item")].map((item) => item.dataset.name));
  assert.equal(names.length, 26);
  // The guide's texts load when the card comes near the view; data-shown says whose guide it shows.
  await page.locator("[data-testid=guide]").scrollIntoViewIfNeeded();
  const found = {};
  for (const name of names) {
    await page.evaluate((fn) => window.activationPlayground.setState({exFns: [fn], exParams: ["-"], exActive: 0}), name);
    await page.waitForSelector(`[data-testid=guide][data-shown="${name}"]`);
    Object.assign(found, await english(page, "[data-testid=guide]"));
  }
  for (const extra of ["maxout", "softmax"]) {
    await page.click(`[data-testid=guide] [data-guide=${extra}]`);
    await page.waitForSelector(`[data-testid=guide][data-shown="${extra}"]`);
    Object.assign(found, await english(page, "[data-testid=guide]"));
  }
  assert.deepEqual(found, {});
  assert.deepEqual(problems, []);
  await page.close();
});

test("a lesson reads in Chinese and follows a language switch", async () => {
  const zhLessons = JSON.parse(await readFile(path.join(repoRoot, "web/messages/zh-CN/lessons.json"), "utf8"));
  const {page, problems} = await openPage("#lang=zh&lesson=dying-relu&lessonStep=1");
  await page.waitForSelector(".lesson[data-lesson=dying-relu][data-step='1']");
  assert.equal(await page.textContent(".lesson-step-title"), zhLessons["dying-relu"].steps[1].title);
  assert.deepEqual(await english(page, ".lesson"), {});
  await page.click(".lang-switch [data-lang=en]");
  await page.waitForFunction(() => document.querySelector(".lesson-step-title")?.textContent === "A learning rate of 3");
  assert.equal(await page.getAttribute(".lesson", "data-step"), "1", "the lesson stays at its step");
  assert.deepEqual(problems, []);
  await page.close();
});

test("with lang=zh the embed view of every panel shows no English outside the allow-list", async () => {
  const {page, problems} = await openPage(`#lang=zh&embed=1&panels=${ALL_PANELS}&controls=all`, {width: 900});
  await page.waitForSelector(".ap-embed-chart canvas", {state: "attached"});
  assert.deepEqual(await english(page), {});
  assert.deepEqual(problems, []);
  await page.close();
});

test("<activation-playground lang=\"zh-CN\"> shows no English outside the allow-list", async () => {
  const page = await world.browser.newPage({viewport: {width: 900, height: 1200}});
  const problems = watchProblems(page);
  const hostUrl = `${world.server.url}i18n-host.html`;
  await page.route(hostUrl, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><script type="module" src="./lib/activation-playground-element.mjs"></script></head><body><activation-playground id="ap" lang="zh-CN" panels="${ALL_PANELS}" controls="all"></activation-playground></body></html>`,
    }),
  );
  await page.goto(hostUrl);
  await page.waitForFunction(() => Boolean(document.getElementById("ap")?.app));
  await page.evaluate(() => document.getElementById("ap").app.ready);
  await page.waitForSelector("#ap .section--classifier[data-seq]", {state: "attached"});
  assert.equal(await page.evaluate(() => document.getElementById("ap").app.getState().lang), "zh");
  assert.deepEqual(await english(page, null, "ap"), {});
  assert.deepEqual(problems, []);
  await page.close();
});

test("switching the language while training changes the labels and keeps the run and its epoch count", async () => {
  const {page, problems} = await openPage("#lang=en&epf=1");
  const epoch = async () => Number(await page.textContent("[data-testid=epoch]"));
  await page.click("[data-testid=play]");
  await page.waitForFunction(() => Number(document.querySelector("[data-testid=epoch]")?.textContent) >= 5);
  const token = await page.getAttribute(".section--classifier", "data-token");
  const before = await epoch();
  assert.equal(await page.getAttribute("[data-testid=play]", "aria-label"), "Pause");
  await page.click(".lang-switch [data-lang=zh]");
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  // Still playing, now labelled in Chinese, and counting on from where it was.
  await page.waitForFunction((n) => Number(document.querySelector("[data-testid=epoch]")?.textContent) > n, before);
  assert.equal(await page.getAttribute("[data-testid=play]", "aria-label"), "暂停");
  assert.equal(await page.getAttribute(".section--classifier", "data-token"), token, "the same configuration: nothing was reset");
  assert.equal(await page.getAttribute(".section--classifier", "data-running"), "true");
  assert.equal(await page.textContent(".section--classifier h2"), "训练一个网络");
  assert.equal(await page.textContent(".ex-title"), "激活函数浏览器");
  await page.waitForFunction(() => /(^|&)lang=zh(&|$)/.test(location.hash.slice(1)));
  const census = await page.evaluate(() => window.activationPlayground.census());
  assert.equal(census.sessions, 1, "one worker session, the same one");
  // And back: English labels, still the same run.
  await page.click(".lang-switch [data-lang=en]");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.getAttribute("[data-testid=play]", "aria-label"), "Pause");
  assert.ok((await epoch()) >= before);
  assert.equal(await page.getAttribute(".section--classifier", "data-token"), token);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a language switch draws the explorer again at once: no frame shows it loading or as its preview", async () => {
  for (const hash of ["#lang=en", "#lang=en&exFns=relu"]) {
    const {page, problems} = await openPage(hash);
    await page.waitForSelector('.ex[data-state="ready"]');
    // The explorer's state on every frame from before the click until it is drawn in Chinese.
    await page.evaluate(() => {
      window.__exStates = [];
      window.__sampling = true;
      const sample = () => {
        window.__exStates.push(document.querySelector(".ex")?.dataset.state ?? "none");
        if (window.__sampling) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.waitForFunction(() => window.__exStates.length > 0);
    await page.click(".lang-switch [data-lang=zh]");
    await page.waitForFunction(() => document.querySelector(".ex-title")?.textContent === "激活函数浏览器" && document.querySelector('.ex[data-state="ready"]'));
    // Two more frames, so that a state shown after the relabel would be sampled.
    const length = await page.evaluate(() => window.__exStates.length);
    await page.waitForFunction((n) => window.__exStates.length >= n + 2, length);
    const states = await page.evaluate(() => {
      window.__sampling = false;
      return window.__exStates;
    });
    assert.deepEqual([...new Set(states)], ["ready"], `${hash}: ${states.join(" ")}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("an out-of-range parameter shows its error in Chinese, typed in the explorer or read from a link", async () => {
  const {page, problems} = await openPage("#lang=zh&exFns=leaky_relu&act=leaky_relu(negative_slope:5),tanh");
  const field = page.locator('.ex-params .ex-param:has([data-param="negative_slope"]) .ex-number');
  await field.fill("5");
  await field.press("Enter");
  const message = page.locator(".ex-params .ex-field-error:not([hidden])");
  assert.equal(await message.textContent(), "negative_slope 必须在 0 到 1 之间；图像仍保持 0.01 时的样子。");
  await page.waitForSelector("#notices .notice");
  assert.match(await page.textContent("#notices"), /leaky_relu 的参数 negative_slope 必须在 0 到 1 之间（收到的是 5）/);
  // An error only the core can find (the parameters' order) comes with its code and is written in Chinese too.
  await page.evaluate(() => window.activationPlayground.setState({exFns: ["hardtanh"], exParams: ["min_val:2"]}));
  // A link's conflicting set falls back to the defaults, with the core's reason in Chinese.
  await page.waitForSelector(".ex-notice:not([hidden])");
  assert.match(await page.textContent(".ex-notice"), /链接中 Hardtanh（hardtanh 的参数 min_val 必须 < max_val（1），收到的是 2。）\s?的参数相互矛盾/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a network parameter in conflict is refused in Chinese, with the core's reason translated", async () => {
  const {page, problems} = await openPage("#lang=zh&act=hardtanh,hardtanh");
  const field = page.locator('.network-settings .field--param:has(label:text-is("min_val")) input');
  await field.fill("5");
  await field.press("Enter");
  await page.waitForFunction(() => /不相容/.test(document.querySelector(".network-settings .field-error:not([hidden])")?.textContent ?? ""));
  assert.match(await page.textContent(".network-settings .field-error:not([hidden])"), /hardtanh 的参数 min_val 必须 < max_val/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the guide beside the chart is in Chinese with the core's numbers, and its links open the state they describe", async () => {
  const {page, problems} = await openPage("#lang=zh&exFns=silu");
  const guide = page.locator("[data-testid=guide]");
  await guide.scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-testid=guide][data-shown="silu"]');
  assert.match(await guide.textContent(), /Ramachandran、Zoph 和 Le（2017）/);
  // The minimum's position comes from the core's critical points, formatted for the page.
  assert.match(await guide.locator("[data-section=cons]").textContent(), /在 x ≈ −1\.278 处取最小值 −0\.2785/);
  await guide.locator("[data-guide=softmax]").click();
  assert.match(await guide.locator("[data-section=what]").textContent(), /0\.09003、0\.2447、0\.6652/);
  await page.evaluate(() => window.activationPlayground.setState({exFns: ["relu"]}));
  await page.waitForSelector('[data-testid=guide][data-shown="relu"]');
  await guide.locator("[data-guide-link=dying]").click();
  await page.waitForFunction(() => window.activationPlayground.getState().lr === 1);
  const state = await page.evaluate(() => window.activationPlayground.getState());
  assert.deepEqual([state.dataset, state.act.join(","), state.lang], ["spiral", "relu,relu,relu", "zh"]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a browser whose language is zh-TW opens the page in Chinese; en-US in English", async () => {
  for (const [locale, lang, title] of [["zh-TW", "zh-CN", zhApp.title], ["en-US", "en", "Activation Playground"]]) {
    const {page, problems} = await openPage("", {locale});
    assert.equal(await page.evaluate(() => navigator.language), locale);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.title(), title);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("screenshots of the Chinese page at 1280 and 360 px, with no horizontal overflow", async () => {
  for (const width of [1280, 360]) {
    const {page, problems} = await openPage("#lang=zh&exFns=silu", {width, height: 900});
    // The guide and the formula fill when they come near the view: bring them there first, so the picture shows them.
    for (const [card, mark] of [["[data-testid=guide]", "[data-shown=silu]"], [".ex-formula", "[data-typeset=silu]"]]) {
      await page.locator(card).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${card}${mark}`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`);
    await page.screenshot({path: path.join(screenshotDir, `zh-page-${width}.png`), fullPage: true});
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("the guide loads its texts when it comes near the view, and a language switch shows it in the new language", async () => {
  const {page, problems} = await openPage("#lang=en&exFns=silu");
  const guide = page.locator("[data-testid=guide]");
  await guide.scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-testid=guide][data-shown="silu"]');
  assert.match(await guide.textContent(), /Ramachandran, Zoph & Le \(2017\)/);
  // The Chinese guide is a chunk of its own, loaded by the switch before the explorer is drawn again.
  const chineseGuide = page.waitForResponse((response) => /\/assets\/guide-[\w-]+\.js$/.test(response.url()));
  await page.click(".lang-switch [data-lang=zh]");
  await chineseGuide;
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  // The switch is in the header (the click scrolled up): back down to the guide, drawn again in Chinese.
  await guide.scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-testid=guide][data-shown="silu"]');
  assert.match(await guide.textContent(), /Ramachandran、Zoph 和 Le（2017）/);
  assert.deepEqual(await english(page, "[data-testid=guide]"), {});
  assert.deepEqual(problems, []);
  await page.close();
});
