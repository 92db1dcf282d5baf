// Colours drawn on canvases: Okabe & Ito's colour-blind-safe set. The stylesheet's
// custom properties (--class-0 …) use the same values for DOM legends.

export const CLASS_COLORS = [
  [230, 159, 0], // orange
  [0, 114, 178], // blue
  [0, 158, 115], // bluish green
  [213, 94, 0], // vermillion
  [204, 121, 167], // reddish purple
];
export const NEUTRAL = [247, 247, 245];
export const INK = [34, 38, 46];

/** Marker shape per class: shape as well as colour tells the classes apart. */
export const CLASS_SHAPES = ["circle", "square", "triangle", "diamond", "cross"];

export function rgb([r, g, b], alpha = 1) {
  return alpha === 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}

/** Linear mix of two colours, t in [0, 1]. */
export function mix(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/**
 * Diverging ramp for a value in [-1, 1]: orange (negative) - neutral - blue (positive).
 * `strength` caps how far from neutral the ends go, so points drawn on top stay visible.
 */
export function diverging(value, strength = 0.85) {
  const v = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  return mix(NEUTRAL, v < 0 ? CLASS_COLORS[0] : CLASS_COLORS[1], Math.abs(v) * strength);
}

const LUT_STEPS = 512;
const luts = new Map();

/**
 * The diverging ramp as a lookup table of LUT_STEPS + 1 RGB triples over [-1, 1], for
 * filling image data without allocating per pixel. Use with lutIndex().
 */
export function divergingLut(strength = 0.85) {
  let lut = luts.get(strength);
  if (!lut) {
    lut = new Uint8ClampedArray(3 * (LUT_STEPS + 1));
    for (let i = 0; i <= LUT_STEPS; i++) {
      const [r, g, b] = diverging((2 * i) / LUT_STEPS - 1, strength);
      lut[3 * i] = r;
      lut[3 * i + 1] = g;
      lut[3 * i + 2] = b;
    }
    luts.set(strength, lut);
  }
  return lut;
}

/** Offset into a divergingLut table for a value in [-1, 1] (clamped; non-finite reads as 0). */
export function lutIndex(value) {
  const v = value > 1 ? 1 : value < -1 ? -1 : value === value ? value : 0;
  return 3 * Math.round((v + 1) * (LUT_STEPS / 2));
}
