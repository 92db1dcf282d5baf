// The depth chart: the best-case gradient factor m^n after n stacked layers, on a
// log scale (m = max |f'|), one line per overlaid activation, a marker at the
// chosen depth. Draws what it is given; no state.

import {crispCanvas, snap} from "./canvas.js";
import {readTheme, kSlotDashes} from "./palette.js";
import {linearTicks, logTicks} from "./model.js";

const kFontSize = 12;

/** Returns {update({depth, series: [{slot, log10m}]}), destroy()}. */
export function createDepthChart(canvas) {
  let data = null;
  const surface = crispCanvas(canvas, (ctx, width, height, dpr) => draw(ctx, width, height, dpr, data, readTheme(canvas)));
  return {
    update(next) {
      data = next;
      surface.request();
    },
    destroy() {
      surface.destroy();
    },
  };
}

function draw(ctx, width, height, dpr, data, theme) {
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  if (!data || !data.series.length) return;
  const depth = data.depth;
  const finite = data.series.filter((s) => Number.isFinite(s.log10m));

  // log10 of the product spans [min, max] over n in [0, depth]; 10^0 = 1 is always shown.
  let lo = 0;
  let hi = 0;
  for (const s of finite) {
    lo = Math.min(lo, s.log10m * depth);
    hi = Math.max(hi, s.log10m * depth);
  }
  if (hi - lo < 2) {
    lo -= 1;
    hi += 1;
  }
  const decades = logTicks(10 ** Math.max(lo, -300), 10 ** Math.min(hi, 300), Math.max(2, Math.floor(height / 28)));
  const lo10 = Math.min(lo, decades[0]);
  const hi10 = Math.max(hi, decades[decades.length - 1]);

  ctx.font = `${kFontSize}px ${theme.font}`;
  const labelWidth = Math.max(...decades.map((e) => ctx.measureText(`10${e}`).width)) + 4;
  const left = 10 + labelWidth + 6;
  const top = 10;
  const plotWidth = Math.max(10, width - left - 14);
  const plotHeight = Math.max(10, height - top - 26);
  const sx = (n) => left + (n / depth) * plotWidth;
  const sy = (e) => top + (1 - (e - lo10) / (hi10 - lo10)) * plotHeight;

  const xTicks = linearTicks(0, depth, Math.max(2, Math.floor(plotWidth / 60)));
  ctx.lineWidth = 1 / dpr;
  ctx.strokeStyle = theme.grid;
  ctx.beginPath();
  for (const n of xTicks.ticks) {
    ctx.moveTo(snap(sx(n), dpr), top);
    ctx.lineTo(snap(sx(n), dpr), top + plotHeight);
  }
  for (const e of decades) {
    ctx.moveTo(left, snap(sy(e), dpr));
    ctx.lineTo(left + plotWidth, snap(sy(e), dpr));
  }
  ctx.stroke();
  ctx.strokeStyle = theme.axis;
  ctx.lineWidth = Math.max(1, Math.round(dpr)) / dpr;
  ctx.beginPath();
  ctx.moveTo(left, snap(sy(0), dpr));
  ctx.lineTo(left + plotWidth, snap(sy(0), dpr));
  ctx.stroke();
  ctx.strokeRect(snap(left, dpr), snap(top, dpr), Math.round(plotWidth * dpr) / dpr, Math.round(plotHeight * dpr) / dpr);

  ctx.fillStyle = theme.text;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const n of xTicks.ticks) ctx.fillText(String(n), sx(n), top + plotHeight + 6);
  // Decade labels as 10 with a raised exponent.
  ctx.textBaseline = "middle";
  for (const e of decades) {
    const exponent = String(e).replace("-", "\u2212");
    ctx.font = `${kFontSize - 3}px ${theme.font}`;
    const expWidth = ctx.measureText(exponent).width;
    ctx.textAlign = "right";
    ctx.fillText(exponent, left - 6, sy(e) - 4);
    ctx.font = `${kFontSize}px ${theme.font}`;
    ctx.fillText("10", left - 6 - expWidth, sy(e));
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top - 1, plotWidth, plotHeight + 2);
  ctx.clip();
  for (const s of finite) {
    ctx.strokeStyle = theme.slots[s.slot];
    ctx.lineWidth = 2.5;
    ctx.setLineDash(kSlotDashes[s.slot]);
    ctx.beginPath();
    ctx.moveTo(sx(0), sy(0));
    ctx.lineTo(sx(depth), sy(s.log10m * depth));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(sx(depth), sy(s.log10m * depth), 4, 0, 2 * Math.PI);
    ctx.fillStyle = theme.slots[s.slot];
    ctx.fill();
  }
  ctx.restore();
}
