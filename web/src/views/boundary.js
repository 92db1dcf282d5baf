// The decision boundary: a heatmap from predictGrid with the data points on top.
//
// Orientation, written down once: grids are row-major with row 0 at the top (y = yMax)
// and column 0 at the left (x = xMin), exactly the canvas's own pixel order, so a grid
// cell (r, c) is image pixel (c, r) and no flip happens anywhere in this file.
import {CLASS_COLORS, CLASS_SHAPES, INK, NEUTRAL, diverging, divergingLut, lutIndex, rgb} from "../ui/palette.js";
import {fitCanvas} from "../ui/dom.js";
import {DOMAIN} from "../ui/domain.js";
import {formatTick} from "../i18n/format.js";

const TICK_STEP = 2;
const TICKS = Array.from({length: (DOMAIN.xMax - DOMAIN.xMin) / TICK_STEP + 1}, (_, i) => DOMAIN.xMin + i * TICK_STEP);
const views = new WeakMap();

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{grid?: Float32Array, gridSize?: number, classes: number, regression: boolean,
 *   points?: {x, y, label, isTest}, showTest?: boolean, discrete?: boolean,
 *   unit?: {grid: Float32Array, size: number}}} data  `unit` replaces the prediction by one unit's map
 * @param {{onAdd?: (x: number, y: number) => void, onLeave?: () => void, axes?: boolean}} options
 */
export function draw(canvas, data, options = {}) {
  let view = views.get(canvas);
  if (!view) {
    view = createView(canvas);
    views.set(canvas, view);
  }
  view.options = options;
  view.data = data;
  canvas.classList.toggle("is-addable", Boolean(options.onAdd));
  render(view);
}

function createView(canvas) {
  const view = {canvas, heat: document.createElement("canvas"), overlay: document.createElement("canvas"), overlayKey: null, data: null, options: {}};
  let down = null;
  canvas.addEventListener("pointerdown", (event) => {
    down = {x: event.clientX, y: event.clientY};
  });
  canvas.addEventListener("pointerup", (event) => {
    if (!down || !view.options.onAdd) return;
    const moved = Math.hypot(event.clientX - down.x, event.clientY - down.y);
    down = null;
    if (moved > 6) return;
    const box = canvas.getBoundingClientRect();
    const x = DOMAIN.xMin + ((event.clientX - box.left) / box.width) * (DOMAIN.xMax - DOMAIN.xMin);
    const y = DOMAIN.yMax - ((event.clientY - box.top) / box.height) * (DOMAIN.yMax - DOMAIN.yMin);
    view.options.onAdd(x, y);
  });
  new ResizeObserver(() => render(view)).observe(canvas);
  return view;
}

/**
 * What `canvas` shows, redrawn on a new canvas at `ratio` device pixels per CSS pixel (2 for
 * print), or null before its first draw. Used by the PNG export (web/src/exports/).
 */
export function snapshot(canvas, ratio = 2) {
  const shown = views.get(canvas);
  if (!shown?.data) return null;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  const image = document.createElement("canvas");
  image.width = Math.round(width * ratio);
  image.height = Math.round(height * ratio);
  const fit = () => ({width, height, ratio});
  render({canvas: image, heat: document.createElement("canvas"), overlay: document.createElement("canvas"), overlayKey: null, data: shown.data, options: shown.options, fit});
  return image;
}

/** Heatmap every frame; axes and points come from a cached layer redrawn only when they change. */
function render(view) {
  const {canvas, data} = view;
  if (!data) return;
  const {width, height, ratio} = (view.fit ?? fitCanvas)(canvas);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const source = data.unit ?? (data.grid ? {grid: data.grid, size: data.gridSize} : null);
  if (source && source.grid.length >= source.size * source.size) {
    paintHeat(view, source, data);
    ctx.imageSmoothingEnabled = !data.discrete || Boolean(data.unit) || data.regression;
    ctx.drawImage(view.heat, 0, 0, canvas.width, canvas.height);
  } else {
    ctx.fillStyle = rgb(NEUTRAL);
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  const key = [canvas.width, canvas.height, data.points, data.showTest, data.classes, data.regression, data.targetScale, view.options.axes];
  if (!view.overlayKey || key.some((value, i) => value !== view.overlayKey[i])) {
    view.overlayKey = key;
    drawOverlay(view, width, height, ratio);
  }
  ctx.drawImage(view.overlay, 0, 0);
}

function drawOverlay(view, width, height, ratio) {
  const {overlay, canvas, data} = view;
  overlay.width = canvas.width;
  overlay.height = canvas.height;
  const ctx = overlay.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (view.options.axes !== false) drawAxes(ctx, width, height);
  if (data.points) drawPoints(ctx, width, height, data);
}

/** Colours every grid cell into the small offscreen canvas `view.heat` (one pixel per cell). */
function paintHeat(view, {grid, size}, data) {
  if (view.heat.width !== size) view.heat.width = size;
  if (view.heat.height !== size) view.heat.height = size;
  const ctx = view.heat.getContext("2d");
  if (!view.image || view.image.width !== size) view.image = ctx.createImageData(size, size);
  const pixels = view.image.data;
  const cells = size * size;
  if (data.unit || data.regression || data.classes <= 2) {
    let lut;
    let scale;
    let offset = 0;
    if (data.unit) {
      lut = divergingLut(0.9);
      scale = 1 / Math.max(1, maxAbs(grid, cells));
    } else if (data.regression) {
      lut = divergingLut(0.85);
      scale = 1 / (data.targetScale || 1);
    } else {
      lut = divergingLut(data.discrete ? 1 : 0.85);
      scale = 2;
      offset = -1;
    }
    for (let i = 0; i < cells; i++) {
      let v = grid[i] * scale + offset;
      if (data.discrete && !data.unit && !data.regression) v = v >= 0 ? 0.55 : -0.55;
      const k = lutIndex(v);
      pixels[4 * i] = lut[k];
      pixels[4 * i + 1] = lut[k + 1];
      pixels[4 * i + 2] = lut[k + 2];
      pixels[4 * i + 3] = 255;
    }
  } else {
    paintClasses(pixels, grid, cells, data.classes, data.discrete);
  }
  ctx.putImageData(view.image, 0, 0);
}

/** k classes: the probability-weighted mix of class colours, paler where the network is unsure. */
function paintClasses(pixels, grid, cells, k, discrete) {
  for (let i = 0; i < cells; i++) {
    let best = 0;
    let bestP = -Infinity;
    let r = 0;
    let g = 0;
    let b = 0;
    for (let c = 0; c < k; c++) {
      const p = grid[c * cells + i];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
      r += p * CLASS_COLORS[c][0];
      g += p * CLASS_COLORS[c][1];
      b += p * CLASS_COLORS[c][2];
    }
    let t;
    if (!Number.isFinite(bestP)) {
      t = 0;
    } else if (discrete) {
      [r, g, b] = CLASS_COLORS[best];
      t = 0.5;
    } else {
      t = 0.25 + 0.6 * Math.max(0, (bestP - 1 / k) / (1 - 1 / k));
    }
    pixels[4 * i] = NEUTRAL[0] + (r - NEUTRAL[0]) * t;
    pixels[4 * i + 1] = NEUTRAL[1] + (g - NEUTRAL[1]) * t;
    pixels[4 * i + 2] = NEUTRAL[2] + (b - NEUTRAL[2]) * t;
    pixels[4 * i + 3] = 255;
  }
}

function maxAbs(grid, cells) {
  let m = 0;
  for (let i = 0; i < cells; i++) {
    const v = Math.abs(grid[i]);
    if (v > m && Number.isFinite(v)) m = v;
  }
  return m;
}

function drawAxes(ctx, width, height) {
  ctx.strokeStyle = rgb(INK, 0.08);
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const tick of TICKS.slice(1, -1)) {
    const px = Math.round(((tick - DOMAIN.xMin) / (DOMAIN.xMax - DOMAIN.xMin)) * width) + 0.5;
    const py = Math.round(((DOMAIN.yMax - tick) / (DOMAIN.yMax - DOMAIN.yMin)) * height) + 0.5;
    ctx.moveTo(px, 0);
    ctx.lineTo(px, height);
    ctx.moveTo(0, py);
    ctx.lineTo(width, py);
  }
  ctx.stroke();
  if (width < 160) return;
  // Dark labels with a white halo: readable on any colour of the plane.
  ctx.font = `600 ${Math.max(11, Math.min(13, width / 30))}px system-ui, sans-serif`;
  ctx.lineWidth = 3;
  ctx.lineJoin = "round";
  ctx.strokeStyle = "rgba(255,255,255,0.9)";
  ctx.fillStyle = rgb(INK, 0.9);
  const label = (text, x, y) => {
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  };
  ctx.textBaseline = "bottom";
  ctx.textAlign = "center";
  for (const tick of TICKS.slice(1, -1)) {
    const px = ((tick - DOMAIN.xMin) / (DOMAIN.xMax - DOMAIN.xMin)) * width;
    label(formatTick(tick, TICK_STEP), px, height - 2);
  }
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  for (const tick of TICKS.slice(1, -1)) {
    if (tick === 0) continue;
    const py = ((DOMAIN.yMax - tick) / (DOMAIN.yMax - DOMAIN.yMin)) * height;
    label(formatTick(tick, TICK_STEP), 4, py);
  }
}

function drawPoints(ctx, width, height, data) {
  const {x, y, label, isTest} = data.points;
  const n = x.length;
  const radius = Math.max(2.6, Math.min(5, width / 95));
  const sx = width / (DOMAIN.xMax - DOMAIN.xMin);
  const sy = height / (DOMAIN.yMax - DOMAIN.yMin);
  ctx.lineWidth = 1;
  ctx.lineJoin = "round";
  for (const test of data.showTest ? [false, true] : [false]) {
    if (data.regression) {
      for (let i = 0; i < n; i++) {
        if (Boolean(isTest[i]) !== test) continue;
        const path = new Path2D();
        marker(path, "circle", (x[i] - DOMAIN.xMin) * sx, (DOMAIN.yMax - y[i]) * sy, radius);
        finish(ctx, path, diverging(label[i] / (data.targetScale || 1), 1), test, true);
      }
      continue;
    }
    for (let c = 0; c < Math.max(2, data.classes); c++) {
      const path = new Path2D();
      let any = false;
      for (let i = 0; i < n; i++) {
        if (Boolean(isTest[i]) !== test || label[i] !== c) continue;
        marker(path, CLASS_SHAPES[c % CLASS_SHAPES.length], (x[i] - DOMAIN.xMin) * sx, (DOMAIN.yMax - y[i]) * sy, radius);
        any = true;
      }
      if (any) finish(ctx, path, CLASS_COLORS[c % CLASS_COLORS.length], test);
    }
  }
}

/**
 * Training points: filled, with a white rim inside a dark one, so a point keeps its outline on a
 * background of its own colour (a correctly classified point on a saturated region); test
 * points: hollow with a coloured rim.
 */
function finish(ctx, path, colour, test, darkRim = false) {
  if (test) {
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    ctx.fill(path);
    ctx.lineWidth = 2;
    ctx.strokeStyle = rgb(colour);
    ctx.stroke(path);
    ctx.lineWidth = 1;
  } else {
    ctx.fillStyle = rgb(colour);
    ctx.fill(path);
    // Outside the fill: 1 px of white, then half a pixel of dark (the strokes are centred on the outline).
    if (!darkRim) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = rgb(INK, 0.4);
      ctx.stroke(path);
      ctx.lineWidth = 2;
    }
    ctx.strokeStyle = darkRim ? rgb(INK, 0.45) : "rgba(255,255,255,0.95)";
    ctx.stroke(path);
    ctx.lineWidth = 1;
    ctx.fill(path);
  }
}

/** Adds one marker of the given shape, centred at (cx, cy), to a path. */
export function marker(path, shape, cx, cy, r) {
  switch (shape) {
    case "square": {
      const a = r * 0.9;
      path.rect(cx - a, cy - a, 2 * a, 2 * a);
      break;
    }
    case "triangle": {
      const a = r * 1.25;
      path.moveTo(cx, cy - a);
      path.lineTo(cx + a * 0.95, cy + a * 0.7);
      path.lineTo(cx - a * 0.95, cy + a * 0.7);
      path.closePath();
      break;
    }
    case "diamond": {
      const a = r * 1.3;
      path.moveTo(cx, cy - a);
      path.lineTo(cx + a, cy);
      path.lineTo(cx, cy + a);
      path.lineTo(cx - a, cy);
      path.closePath();
      break;
    }
    case "cross": {
      const a = r * 1.15;
      const w = r * 0.45;
      path.moveTo(cx - w, cy - a);
      path.lineTo(cx + w, cy - a);
      path.lineTo(cx + w, cy - w);
      path.lineTo(cx + a, cy - w);
      path.lineTo(cx + a, cy + w);
      path.lineTo(cx + w, cy + w);
      path.lineTo(cx + w, cy + a);
      path.lineTo(cx - w, cy + a);
      path.lineTo(cx - w, cy + w);
      path.lineTo(cx - a, cy + w);
      path.lineTo(cx - a, cy - w);
      path.lineTo(cx - w, cy - w);
      path.closePath();
      break;
    }
    default:
      path.moveTo(cx + r, cy);
      path.arc(cx, cy, r, 0, 2 * Math.PI);
  }
}
