// Reading a CSV of points: good files become points, and each kind of bad file is refused with
// the row and column it is about (spreadsheet rows: the header is row 1).
import {test} from "node:test";
import assert from "node:assert/strict";
import {CsvImportError, MAX_IMPORT_BYTES, parsePointsCsv} from "../../web/src/exports/csv-import.js";
import {withImportedPoints} from "../../web/src/exports/imported-points.js";

const rows = (n, make = (i) => `${i / 10},${-i / 10},${i % 2}`) => Array.from({length: n}, (_, i) => make(i)).join("\n");
const read = (text, classes = 2) => parsePointsCsv(text, {bytes: Buffer.byteLength(text), classes});
const refusal = (text, classes = 2, bytes = Buffer.byteLength(text)) => {
  try {
    parsePointsCsv(text, {bytes, classes});
  } catch (error) {
    assert.ok(error instanceof CsvImportError);
    return {key: error.key, ...error.values};
  }
  assert.fail("the file was accepted");
};

test("a good file becomes points; header case, spaces, a split column and a trailing newline are fine", () => {
  const points = read(`X, Y ,Label,split\n${rows(12, (i) => `${i}, ${i * 2} ,${i % 2},train`)}\n`);
  assert.equal(points.x.length, 12);
  assert.deepEqual(points.y.slice(0, 3), [0, 2, 4]);
  assert.deepEqual(points.label.slice(0, 3), [0, 1, 0]);
});

test("a wrong header names what it found and what it needs", () => {
  assert.deepEqual(refusal(`a,b,c\n${rows(12)}`), {key: "header", found: "a, b, c", expected: "x, y, label"});
  assert.equal(refusal(`x,y\n${rows(12, (i) => `${i},${i}`)}`).key, "header");
});

test("a value that is not a number names its row and column", () => {
  const text = `x,y,label\n${rows(5)}\n1.5,abc,0\n${rows(6)}`;
  assert.deepEqual(refusal(text), {key: "notNumber", row: 7, column: "y", value: "abc"});
  assert.deepEqual(refusal(`x,y,label\n${rows(11)}\n,2,1`), {key: "notNumber", row: 13, column: "x", value: ""});
});

test("a label outside the page's classes names its row and column", () => {
  assert.deepEqual(refusal(`x,y,label\n${rows(10)}\n0,0,2`, 2), {key: "label", row: 12, column: "label", value: "2", max: 1});
  assert.deepEqual(refusal(`x,y,label\n${rows(10)}\n0,0,0.5`, 3), {key: "label", row: 12, column: "label", value: "0.5", max: 2});
  assert.equal(read(`x,y,label\n${rows(10)}\n0,0,2`, 3).label.at(-1), 2);
});

test("too many rows, too few rows and too large a file are refused", () => {
  assert.deepEqual(refusal(`x,y,label\n${rows(10001)}`), {key: "tooManyRows", rows: 10001, max: 10000});
  assert.deepEqual(refusal(`x,y,label\n${rows(3)}`), {key: "tooFewRows", rows: 3, min: 10});
  assert.equal(refusal("", 2, MAX_IMPORT_BYTES + 1).key, "tooLarge");
});

test("imported points replace the generated dataset in the trainer's configuration", () => {
  const points = read(`x,y,label\n${rows(20)}`);
  const config = withImportedPoints({dataset: "circle", points: 500, noise: 0, classes: 2, trainFraction: 0.5, batchSize: 30, hidden: [4]}, points);
  assert.deepEqual(config, {dataset: "custom", data: points, trainFraction: 0.5, batchSize: 10, hidden: [4]});
});
