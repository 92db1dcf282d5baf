// The f / f' chart: gridlines, axes with tick labels, saturation shading, the curves
// of every overlaid activation (colour + dash per slot; f thick, f' thin), critical
// points, and a crosshair driven by mouse, touch or the keyboard.
// It draws what it is given and reports the hovered x; it never touches state.

import {crispCanvas, snap} from "./canvas.js";
import {readTheme, kSlotDashes} from "./palette.js";
import {linearTicks, valueRange} from "./model.js";
import {formatTick} from "../i18n/format.js";

const kFontSize = 12;
const kMargin = {top: 10, right: 14, bottom: 26, left: 8};

/** One wheel notch (100 px of delta) zooms by this factor. */
const kWheelZoom = 1.25;

/**
 * `onHover(x | null)` is called when the crosshair moves; `onView(xMin, xMax)` when the wheel
 * zooms around the pointer or a mouse drag pans the x-range. Returns
 * {update(data), setHover(x), destroy()}; `data`:
 * {xMin, xMax, showF, showDf, series: [{slot, xs, y, dy, critical: [{x, y}]}],
 *  shade: [[x0, x1]], probe(x) -> [{y, dy} | null] per series}.
 */
export function createActivationChart(canvas, {onHover, onView}) {
  let data = null;
  let hoverX = null;
  let layout = null;

  const surface = crispCanvas(canvas, (ctx, width, height, dpr) => {
    layout = draw(ctx, width, height, dpr, data, hoverX, readTheme(canvas));
    // A mark for tests (the first-view timing): the curves are on the canvas.
    if (data && canvas.dataset.drawn !== "true") canvas.dataset.drawn = "true";
  });

  const xFromEvent = (event) => {
    if (!layout || !data) return null;
    const rect = canvas.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const t = (px - layout.left) / layout.plotWidth;
    if (t < 0 || t > 1) return null;
    return data.xMin + t * (data.xMax - data.xMin);
  };
  const setHover = (x) => {
    hoverX = x;
    surface.request();
    onHover?.(x);
  };
  let drag = null;
  const onPointerMove = (event) => {
    if (drag && layout && data) {
      const dx = ((event.clientX - drag.clientX) / layout.plotWidth) * (drag.xMax - drag.xMin);
      if (dx !== 0) onView?.(drag.xMin - dx, drag.xMax - dx);
      return;
    }
    setHover(xFromEvent(event));
  };
  const onPointerDown = (event) => {
    // A mouse drags the range; a finger or pen keeps setting the crosshair.
    if (event.pointerType === "mouse" && event.button === 0 && data && onView) {
      drag = {clientX: event.clientX, xMin: data.xMin, xMax: data.xMax};
      canvas.setPointerCapture?.(event.pointerId);
      canvas.classList.add("is-panning");
    }
    setHover(xFromEvent(event));
  };
  const onPointerUp = () => {
    drag = null;
    canvas.classList.remove("is-panning");
  };
  const onWheel = (event) => {
    const x = xFromEvent(event);
    if (x === null || !onView || event.deltaY === 0) return;
    event.preventDefault();
    const pixels = event.deltaMode === 1 ? event.deltaY * 33 : event.deltaMode === 2 ? event.deltaY * 400 : event.deltaY;
    const factor = kWheelZoom ** (pixels / 100);
    onView(x - (x - data.xMin) * factor, x + (data.xMax - x) * factor);
  };
  const onPointerLeave = (event) => {
    // A finger lifting keeps its reading; a mouse leaving clears it.
    if (event.pointerType === "mouse") setHover(null);
  };
  const onKeyDown = (event) => {
    if (!data) return;
    const span = data.xMax - data.xMin;
    const step = span / (event.shiftKey ? 10 : 100);
    const current = hoverX ?? (data.xMin + data.xMax) / 2;
    let next;
    if (event.key === "ArrowLeft" || event.key === "ArrowDown") next = current - step;
    else if (event.key === "ArrowRight" || event.key === "ArrowUp") next = current + step;
    else if (event.key === "Home") next = data.xMin;
    else if (event.key === "End") next = data.xMax;
    else if (event.key === "Escape") {
      setHover(null);
      return;
    } else return;
    event.preventDefault();
    setHover(Math.min(data.xMax, Math.max(data.xMin, next)));
  };
  const onFocus = () => {
    if (hoverX === null && data) setHover((data.xMin + data.xMax) / 2);
  };
  canvas.addEventListener("pointermove", onPointerMove);
  canvas.addEventListener("pointerdown", onPointerDown);
  canvas.addEventListener("pointerup", onPointerUp);
  canvas.addEventListener("pointercancel", onPointerUp);
  canvas.addEventListener("pointerleave", onPointerLeave);
  canvas.addEventListener("wheel", onWheel, {passive: false});
  canvas.addEventListener("keydown", onKeyDown);
  canvas.addEventListener("focus", onFocus);

  return {
    update(next) {
      data = next;
      if (hoverX !== null && (hoverX < data.xMin || hoverX > data.xMax)) hoverX = null;
      surface.request();
      onHover?.(hoverX);
    },
    setHover,
    destroy() {
      surface.destroy();
      canvas.removeEventListener("pointermove", onPointerMove);
      canvas.removeEventListener("pointerdown", onPointerDown);
      canvas.removeEventListener("pointerup", onPointerUp);
      canvas.removeEventListener("pointercancel", onPointerUp);
      canvas.removeEventListener("wheel", onWheel);
      canvas.removeEventListener("pointerleave", onPointerLeave);
      canvas.removeEventListener("keydown", onKeyDown);
      canvas.removeEventListener("focus", onFocus);
    },
  };
}

function draw(ctx, width, height, dpr, data, hoverX, theme) {
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  if (!data) return null;

  const shown = [];
  for (const s of data.series) {
    if (data.showF) shown.push(s.y);
    if (data.showDf) shown.push(s.dy);
  }
  const [yMin, yMax] = valueRange(shown);
  ctx.font = `${kFontSize}px ${theme.font}`;
  const yTicks = linearTicks(yMin, yMax, Math.max(2, Math.floor(height / 48)));
  const yLabels = yTicks.ticks.map((v) => formatTick(v, yTicks.step));
  const labelWidth = Math.max(...yLabels.map((l) => ctx.measureText(l).width), 8);
  const left = kMargin.left + labelWidth + 6;
  const top = kMargin.top;
  const plotWidth = Math.max(10, width - left - kMargin.right);
  const plotHeight = Math.max(10, height - top - kMargin.bottom);
  const sx = (x) => left + ((x - data.xMin) / (data.xMax - data.xMin)) * plotWidth;
  const sy = (y) => top + (1 - (y - yMin) / (yMax - yMin)) * plotHeight;
  const xTicks = linearTicks(data.xMin, data.xMax, Math.max(2, Math.floor(plotWidth / 70)));

  // Saturation bands under everything else.
  ctx.fillStyle = theme.saturation;
  for (const [a, b] of data.shade) {
    const x0 = sx(a);
    ctx.fillRect(x0, top, Math.max(1, sx(b) - x0), plotHeight);
  }

  // Gridlines.
  ctx.lineWidth = 1 / dpr;
  ctx.strokeStyle = theme.grid;
  ctx.beginPath();
  for (const v of xTicks.ticks) {
    const px = snap(sx(v), dpr);
    ctx.moveTo(px, top);
    ctx.lineTo(px, top + plotHeight);
  }
  for (const v of yTicks.ticks) {
    const py = snap(sy(v), dpr);
    ctx.moveTo(left, py);
    ctx.lineTo(left + plotWidth, py);
  }
  ctx.stroke();

  // Axes through the origin when it is in view, else along the plot edges.
  ctx.strokeStyle = theme.axis;
  ctx.lineWidth = Math.max(1, Math.round(dpr)) / dpr;
  ctx.beginPath();
  const axisY = snap(sy(yMin <= 0 && yMax >= 0 ? 0 : yMin), dpr);
  ctx.moveTo(left, axisY);
  ctx.lineTo(left + plotWidth, axisY);
  const axisX = snap(sx(data.xMin <= 0 && data.xMax >= 0 ? 0 : data.xMin), dpr);
  ctx.moveTo(axisX, top);
  ctx.lineTo(axisX, top + plotHeight);
  ctx.stroke();
  ctx.strokeRect(snap(left, dpr), snap(top, dpr), Math.round(plotWidth * dpr) / dpr, Math.round(plotHeight * dpr) / dpr);

  // Tick labels.
  ctx.fillStyle = theme.text;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const v of xTicks.ticks) ctx.fillText(formatTick(v, xTicks.step), sx(v), top + plotHeight + 6);
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  yTicks.ticks.forEach((v, i) => ctx.fillText(yLabels[i], left - 6, sy(v)));

  // Curves, clipped to the plot. Derivatives first so the functions sit on top.
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, plotWidth, plotHeight);
  ctx.clip();
  ctx.lineJoin = "round";
  ctx.lineCap = "butt";
  const ordered = [...data.series].sort((a, b) => (a.active === b.active ? 0 : a.active ? 1 : -1));
  if (data.showDf) {
    for (const s of ordered) strokeCurve(ctx, s.xs, s.dy, sx, sy, theme.slots[s.slot], kSlotDashes[s.slot], 1.6, 0.8);
  }
  if (data.showF) {
    for (const s of ordered) strokeCurve(ctx, s.xs, s.y, sx, sy, theme.slots[s.slot], kSlotDashes[s.slot], 3, 1);
  }

  // Critical points: rings on f (or on the zero line of f' when f is hidden).
  ctx.setLineDash([]);
  for (const s of data.series) {
    for (const c of s.critical) {
      const py = data.showF ? sy(c.y) : sy(0);
      if (!data.showF && !data.showDf) continue;
      ctx.beginPath();
      ctx.arc(sx(c.x), py, 5, 0, 2 * Math.PI);
      ctx.fillStyle = theme.background;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = theme.slots[s.slot];
      ctx.stroke();
    }
  }

  // Crosshair with a dot on every shown curve.
  if (hoverX !== null && data.probe) {
    const px = snap(sx(hoverX), dpr);
    ctx.strokeStyle = theme.crosshair;
    ctx.lineWidth = 1 / dpr;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, top + plotHeight);
    ctx.stroke();
    ctx.setLineDash([]);
    const values = data.probe(hoverX);
    data.series.forEach((s, i) => {
      const v = values[i];
      if (!v) return;
      for (const [show, y, r] of [
        [data.showF, v.y, 4],
        [data.showDf, v.dy, 3],
      ]) {
        if (!show || !Number.isFinite(y)) continue;
        ctx.beginPath();
        ctx.arc(px, sy(y), r, 0, 2 * Math.PI);
        ctx.fillStyle = theme.slots[s.slot];
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = theme.background;
        ctx.stroke();
      }
    });
  }
  ctx.restore();
  return {left, top, plotWidth, plotHeight};
}

function strokeCurve(ctx, xs, ys, sx, sy, colour, dash, lineWidth, alpha) {
  ctx.strokeStyle = colour;
  ctx.globalAlpha = alpha;
  ctx.lineWidth = lineWidth;
  ctx.setLineDash(dash.map((d) => d * (lineWidth > 2 ? 1 : 0.8)));
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < xs.length; i += 1) {
    const y = ys[i];
    if (!Number.isFinite(y)) {
      pen = false;
      continue;
    }
    // Keep far-off values finite for the canvas; the clip hides them anyway.
    const py = Math.max(-1e6, Math.min(1e6, sy(y)));
    if (pen) ctx.lineTo(sx(xs[i]), py);
    else ctx.moveTo(sx(xs[i]), py);
    pen = true;
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
}
