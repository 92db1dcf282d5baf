// A CSV of points (x, y, label) as a custom dataset, read with Papa Parse. Every problem is a
// CsvImportError naming what is wrong and where (row as a spreadsheet counts it, the header being
// row 1; column by its header), so the page can say it and keep everything as it was. Pure.
import Papa from "papaparse";

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 10000;
export const MIN_IMPORT_ROWS = 10;
const REQUIRED = ["x", "y", "label"];
/** Columns our own dataset export adds, accepted and ignored on the way back in. */
const OPTIONAL = ["split"];

export class CsvImportError extends Error {
  constructor(key, values = {}) {
    super(key);
    this.key = key;
    this.values = values;
  }
}

/**
 * @param {string} text  the file's text
 * @param {{bytes: number, classes: number}} limits  bytes: the file's size; classes: labels allowed are 0..classes-1
 * @returns {{x: number[], y: number[], label: number[]}}
 */
export function parsePointsCsv(text, {bytes, classes}) {
  if (bytes > MAX_IMPORT_BYTES) throw new CsvImportError("tooLarge", {size: (bytes / 1024 / 1024).toFixed(1), max: MAX_IMPORT_BYTES / 1024 / 1024});
  const parsed = Papa.parse(text, {header: true, skipEmptyLines: "greedy", transformHeader: (name) => name.trim().toLowerCase()});
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((name) => !fields.includes(name));
  const unknown = fields.filter((name) => !REQUIRED.includes(name) && !OPTIONAL.includes(name));
  if (missing.length || unknown.length) throw new CsvImportError("header", {found: fields.join(", ") || "—", expected: REQUIRED.join(", ")});
  const structural = parsed.errors.find((error) => error.type !== "Delimiter");
  if (structural) throw new CsvImportError("malformed", {row: (structural.row ?? 0) + 2, message: structural.message});
  const rows = parsed.data;
  if (rows.length > MAX_IMPORT_ROWS) throw new CsvImportError("tooManyRows", {rows: rows.length, max: MAX_IMPORT_ROWS});
  if (rows.length < MIN_IMPORT_ROWS) throw new CsvImportError("tooFewRows", {rows: rows.length, min: MIN_IMPORT_ROWS});
  const points = {x: [], y: [], label: []};
  rows.forEach((row, i) => {
    const line = i + 2;
    for (const column of ["x", "y"]) {
      const raw = String(row[column] ?? "").trim();
      const value = Number(raw);
      if (raw === "" || !Number.isFinite(value)) throw new CsvImportError("notNumber", {row: line, column, value: raw});
      points[column].push(value);
    }
    const raw = String(row.label ?? "").trim();
    const label = Number(raw);
    if (raw === "" || !Number.isInteger(label) || label < 0 || label >= classes) throw new CsvImportError("label", {row: line, column: "label", value: raw, max: classes - 1});
    points.label.push(label);
  });
  return points;
}
