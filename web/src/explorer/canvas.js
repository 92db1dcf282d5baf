// A canvas that keeps its backing store at devicePixelRatio × its CSS size, so lines
// and text are crisp, and redraws when either changes. Size comes from the stylesheet.

/**
 * Watches `canvas`; calls `draw(ctx, width, height, dpr)` with the context scaled to
 * CSS pixels whenever the size or pixel ratio changes or `request()` is called
 * (coalesced to one frame). Returns {request(), destroy()}.
 */
export function crispCanvas(canvas, draw) {
  const ctx = canvas.getContext("2d");
  let frame = 0;
  let width = 0;
  let height = 0;
  let dpr = 1;

  const render = () => {
    frame = 0;
    const rect = canvas.getBoundingClientRect();
    width = Math.max(1, Math.round(rect.width));
    height = Math.max(1, Math.round(rect.height));
    dpr = window.devicePixelRatio || 1;
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw(ctx, width, height, dpr);
  };
  const request = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  const observer = new ResizeObserver(request);
  observer.observe(canvas);
  // A change of zoom or moving to another screen changes the ratio without a resize.
  let ratioQuery = null;
  const onRatio = () => {
    watchRatio();
    request();
  };
  const watchRatio = () => {
    ratioQuery?.removeEventListener("change", onRatio);
    ratioQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    ratioQuery.addEventListener("change", onRatio);
  };
  watchRatio();

  return {
    request,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      ratioQuery?.removeEventListener("change", onRatio);
    },
  };
}

/** Snaps a coordinate so a 1-device-pixel line lands on whole pixels. */
export function snap(v, dpr) {
  return (Math.round(v * dpr - 0.5) + 0.5) / dpr;
}
