// Importing a CSV of points as the dataset: by the file picker and by drag-and-drop a good file
// trains on exactly its points; each kind of bad file gives its error and changes nothing.
// Run: node --test tests/browser/csv-import.test.mjs
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {useWorld, watchProblems} from "./chromium.mjs";

const world = useWorld();

/** Two blobs of `n` points, labels 0 and 1, seeded. */
function blobsCsv(n) {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const lines = ["x,y,label"];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    lines.push(`${(label ? 2 : -2) + random()},${(label ? 2 : -2) + random()},${label}`);
  }
  return `${lines.join("\n")}\n`;
}

async function openPage() {
  const page = await world.browser.newPage({viewport: {width: 1280, height: 900}, acceptDownloads: true});
  const problems = watchProblems(page);
  await page.goto(world.server.url);
  await page.waitForSelector("#classifier[data-seq]", {state: "attached", timeout: 30000});
  return {page, problems};
}

const token = (page) => page.evaluate(() => Number(document.getElementById("classifier").dataset.token));

/** The dataset the trainer uses now, through the page's own CSV export. */
async function datasetRows(page) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-dataset-csv"]')]);
  const text = await readFile(await file.path(), "utf8");
  return text.trim().split("\n").slice(1);
}

const upload = (page, name, text) => page.setInputFiles('[data-testid="import-csv-file"]', {name, mimeType: "text/csv", buffer: Buffer.from(text)});

test("a good CSV chosen with the file picker becomes the dataset and trains", async () => {
  const {page, problems} = await openPage();
  const before = await token(page);
  await upload(page, "blobs.csv", blobsCsv(120));
  await page.waitForFunction((t) => Number(document.getElementById("classifier").dataset.token) > t && document.getElementById("classifier").dataset.seq, before);
  assert.match(await page.textContent('[data-testid="import-status"]'), /blobs\.csv: 120 points/);
  const rows = await datasetRows(page);
  assert.equal(rows.length, 120);
  assert.ok(rows.every((row) => /,(0|1),(train|test)$/.test(row)));
  await page.evaluate(() => window.activationPlayground.on("frame", (frame) => (window.__metrics = frame.a.metrics)));
  await page.click('[data-testid="play"]');
  await page.waitForFunction(() => window.__metrics?.epoch >= 30);
  await page.click('[data-testid="play"]');
  // Two well separated blobs: the network gets nearly all of them right.
  const accuracy = await page.evaluate(() => window.__metrics.trainAccuracy);
  assert.ok(accuracy >= 0.9, `training accuracy ${accuracy}`);
  // Choosing a dataset again drops the imported points.
  await page.evaluate(() => window.activationPlayground.setState({dataset: "xor"}));
  await page.waitForSelector('[data-testid="import-status"]:not(:visible)', {state: "attached"});
  assert.equal((await datasetRows(page)).length, 500);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a CSV dropped on the data panel is imported", async () => {
  const {page, problems} = await openPage();
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "dropped.csv", {type: "text/csv"}));
    const panel = document.querySelector(".panel--data");
    for (const type of ["dragover", "drop"]) panel.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true, cancelable: true}));
  }, blobsCsv(40));
  await page.waitForFunction(() => /dropped\.csv: 40 points/.test(document.querySelector('[data-testid="import-status"]').textContent));
  assert.equal((await datasetRows(page)).length, 40);
  assert.deepEqual(problems, []);
  await page.close();
});

test("each kind of bad CSV gives its error naming the row and column, and nothing changes", async () => {
  const {page, problems} = await openPage();
  await page.click('[data-testid="step"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="epoch"]').textContent) === 1);
  const before = {token: await token(page), hash: await page.evaluate(() => location.hash), rows: (await datasetRows(page)).length};
  const good = blobsCsv(20).trim().split("\n");
  const bigRow = `${"1.0000000000000000000001".repeat(4)},2,0`;
  const cases = [
    ["header.csv", `a,b,c\n${good.slice(1).join("\n")}`, /header is “a, b, c”; it needs the columns x, y, label/],
    ["number.csv", [...good.slice(0, 5), "1,two,0", ...good.slice(5)].join("\n"), /Row 6, column y: “two” is not a number/],
    ["label.csv", [...good, "0.5,0.5,3"].join("\n"), /Row 22, column label: “3” is not a class of this page \(whole numbers 0 to 1\)/],
    ["rows.csv", blobsCsv(10001), /10001 rows; at most 10000/],
    ["large.csv", `x,y,label\n${Array.from({length: 12000}, () => bigRow).join("\n")}`, /at most 1 MB/],
  ];
  for (const [name, text, message] of cases) {
    await upload(page, name, text);
    await page.waitForFunction((source) => new RegExp(source).test(document.getElementById("notices").textContent), message.source);
    assert.equal(await token(page), before.token, `${name}: no new configuration`);
    assert.equal(await page.evaluate(() => location.hash), before.hash, `${name}: the state is unchanged`);
    assert.equal(Number(await page.textContent('[data-testid="epoch"]')), 1, `${name}: the training is kept`);
  }
  assert.equal((await datasetRows(page)).length, before.rows);
  assert.deepEqual(problems, []);
  await page.close();
});
