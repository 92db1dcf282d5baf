// The plotting domain of every map, thumbnail and hidden-space grid: [-6, 6] on both axes.
export const DOMAIN = Object.freeze({xMin: -6, xMax: 6, yMin: -6, yMax: 6});
