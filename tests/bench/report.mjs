// Small helpers shared by the node benchmark drivers (run.mjs, browser-frame.mjs): command-line
// options, medians and the plain-text column tables they print.

/** The value after `name` on the command line (`--rounds 5`), else `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** Median of the numbers `xs` (the mean of the middle two for an even count); null when empty. */
export function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Prints `rows` (rows[0] is the header) as aligned columns two spaces apart, with a dashed rule
 * under the header: the first `leftColumns` columns left-aligned, the rest right-aligned;
 * null or undefined cells print empty.
 */
export function printColumns(rows, leftColumns = 1) {
  const cell = (v) => String(v ?? "");
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => cell(r[c]).length)));
  const line = (r) => r.map((v, c) => (c < leftColumns ? cell(v).padEnd(widths[c]) : cell(v).padStart(widths[c]))).join("  ");
  console.log(line(rows[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(1)) console.log(line(r));
}
