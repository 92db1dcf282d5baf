// The explorer's activation chart as a standalone SVG document, serialised from the same data
// the canvas draws (explorer/index.js's chart data, the same tick rule and colours), so the file
// matches the screen: saturation shading, grid, axes, tick labels, one <path> per curve (f thick,
// f' thin, the slot's colour and dash), critical points and a legend. d3-shape writes the paths
// (its line generator skips non-finite values, leaving gaps as the canvas does). Pure text.
import {line} from "d3-shape";
import {linearTicks, valueRange} from "../explorer/model.js";
import {kSlotDashes} from "../explorer/palette.js";
import {formatTick} from "../i18n/format.js";

const MARGIN = {top: 34, right: 16, bottom: 30, left: 10};
const FONT_SIZE = 12;
/** Average glyph width of the tick font, to leave room for the y labels. */
const CHAR_WIDTH = 7;

const escapeXml = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const round = (v) => Math.round(v * 100) / 100;

/**
 * @param {{xMin, xMax, showF, showDf, series: {slot, label, xs, y, dy, critical: {x, y}[]}[], shade: number[][]}} data
 * @param {{slots: string[], background, grid, axis, text, saturation, font}} theme  explorer/palette.js readTheme()
 * @param {{width?: number, height?: number, title?: string, fLabel?: string, dfLabel?: string}} [options]
 */
export function chartSvg(data, theme, {width = 720, height = 440, title = "", fLabel = "f(x)", dfLabel = "f′(x)"} = {}) {
  const shown = [];
  for (const s of data.series) {
    if (data.showF) shown.push(s.y);
    if (data.showDf) shown.push(s.dy);
  }
  const [yMin, yMax] = valueRange(shown);
  const yTicks = linearTicks(yMin, yMax, Math.max(2, Math.floor(height / 48)));
  const yLabels = yTicks.ticks.map((v) => formatTick(v, yTicks.step));
  const left = MARGIN.left + Math.max(...yLabels.map((label) => label.length * CHAR_WIDTH), 8) + 6;
  const top = MARGIN.top;
  const plotWidth = width - left - MARGIN.right;
  const plotHeight = height - top - MARGIN.bottom;
  const sx = (x) => left + ((x - data.xMin) / (data.xMax - data.xMin)) * plotWidth;
  const sy = (y) => top + (1 - (y - yMin) / (yMax - yMin)) * plotHeight;
  const xTicks = linearTicks(data.xMin, data.xMax, Math.max(2, Math.floor(plotWidth / 70)));
  const path = (xs, ys) =>
    line()
      .defined((i) => Number.isFinite(ys[i]))
      .x((i) => round(sx(xs[i])))
      .y((i) => round(sy(ys[i])))(Array.from(xs, (_, i) => i)) ?? "";
  const dash = (slot, scale) => (kSlotDashes[slot]?.length ? ` stroke-dasharray="${kSlotDashes[slot].map((v) => v * scale).join(" ")}"` : "");
  const colour = (slot) => escapeXml(theme.slots[slot] ?? theme.axis);

  const out = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(theme.font)}" font-size="${FONT_SIZE}">`);
  if (title) out.push(`<title>${escapeXml(title)}</title>`);
  out.push(`<rect width="${width}" height="${height}" fill="${escapeXml(theme.background)}"/>`);
  out.push(`<defs><clipPath id="plot"><rect x="${round(left)}" y="${top}" width="${round(plotWidth)}" height="${round(plotHeight)}"/></clipPath></defs>`);
  out.push(`<g class="shade" fill="${escapeXml(theme.saturation)}">`);
  for (const [a, b] of data.shade) out.push(`<rect x="${round(sx(a))}" y="${top}" width="${round(Math.max(1, sx(b) - sx(a)))}" height="${round(plotHeight)}"/>`);
  out.push(`</g>`);
  const gridLines = [...xTicks.ticks.map((v) => `M${round(sx(v))},${top}V${round(top + plotHeight)}`), ...yTicks.ticks.map((v) => `M${round(left)},${round(sy(v))}H${round(left + plotWidth)}`)];
  out.push(`<g class="grid" stroke="${escapeXml(theme.grid)}" stroke-width="1" fill="none"><path d="${gridLines.join("")}"/></g>`);
  const axisY = round(sy(yMin <= 0 && yMax >= 0 ? 0 : yMin));
  const axisX = round(sx(data.xMin <= 0 && data.xMax >= 0 ? 0 : data.xMin));
  out.push(
    `<g class="axes" stroke="${escapeXml(theme.axis)}" stroke-width="1" fill="none"><path d="M${round(left)},${axisY}H${round(left + plotWidth)}M${axisX},${top}V${round(top + plotHeight)}"/>` +
      `<rect x="${round(left)}" y="${top}" width="${round(plotWidth)}" height="${round(plotHeight)}"/></g>`,
  );
  out.push(`<g class="ticks" fill="${escapeXml(theme.text)}">`);
  for (const v of xTicks.ticks) out.push(`<text x="${round(sx(v))}" y="${round(top + plotHeight + 18)}" text-anchor="middle">${escapeXml(formatTick(v, xTicks.step))}</text>`);
  yTicks.ticks.forEach((v, i) => out.push(`<text x="${round(left - 6)}" y="${round(sy(v) + 4)}" text-anchor="end">${escapeXml(yLabels[i])}</text>`));
  out.push(`</g>`);
  out.push(`<g class="curves" clip-path="url(#plot)" fill="none" stroke-linejoin="round">`);
  const ordered = [...data.series].sort((a, b) => (a.active === b.active ? 0 : a.active ? 1 : -1));
  if (data.showDf) {
    for (const s of ordered) out.push(`<path class="curve curve--df" data-slot="${s.slot}" d="${path(s.xs, s.dy)}" stroke="${colour(s.slot)}" stroke-width="1.6" stroke-opacity="0.8"${dash(s.slot, 0.8)}/>`);
  }
  if (data.showF) {
    for (const s of ordered) out.push(`<path class="curve curve--f" data-slot="${s.slot}" d="${path(s.xs, s.y)}" stroke="${colour(s.slot)}" stroke-width="3"${dash(s.slot, 1)}/>`);
  }
  out.push(`</g>`);
  if (data.showF || data.showDf) {
    out.push(`<g class="critical" fill="${escapeXml(theme.background)}" stroke-width="2">`);
    for (const s of data.series) {
      for (const c of s.critical) out.push(`<circle cx="${round(sx(c.x))}" cy="${round(data.showF ? sy(c.y) : sy(0))}" r="5" stroke="${colour(s.slot)}"/>`);
    }
    out.push(`</g>`);
  }
  // Legend: one entry per activation, then what the thick and thin lines mean.
  out.push(`<g class="legend" fill="${escapeXml(theme.text)}">`);
  let x = left;
  for (const s of data.series) {
    out.push(`<path d="M${round(x)},14H${round(x + 24)}" stroke="${colour(s.slot)}" stroke-width="3"${dash(s.slot, 1)}/>`);
    out.push(`<text x="${round(x + 30)}" y="18">${escapeXml(s.label)}</text>`);
    x += 30 + String(s.label).length * CHAR_WIDTH + 18;
  }
  const keys = [data.showF ? [fLabel, 3] : null, data.showDf ? [dfLabel, 1.6] : null].filter(Boolean);
  for (const [label, strokeWidth] of keys) {
    out.push(`<path d="M${round(x)},14H${round(x + 20)}" stroke="${escapeXml(theme.axis)}" stroke-width="${strokeWidth}"/>`);
    out.push(`<text x="${round(x + 26)}" y="18">${escapeXml(label)}</text>`);
    x += 26 + label.length * CHAR_WIDTH + 14;
  }
  out.push(`</g>`);
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}
