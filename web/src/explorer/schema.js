// The explorer's settings, as schema entries (format: web/src/state/README.md).
// Everything the explorer shows is derived from these keys, so a link reproduces it.

/** Most activations overlaid at once. */
export const kMaxSlots = 4;

/**
 * One item of exParams per entry of exFns: "-" for the catalog defaults, else
 * "name:value;name:value" with value a JS number or "inf" / "-inf".
 */
export const kDefaultParamsToken = "-";

export const explorerSchema = [
  {
    key: "exFns",
    type: "list",
    default: ["sigmoid"],
    item: {type: "string", pattern: /^[a-z][a-z0-9_]*$/, maxLength: 40},
    minLength: 1,
    maxLength: kMaxSlots,
  },
  {
    key: "exParams",
    type: "list",
    default: [kDefaultParamsToken],
    item: {type: "string", pattern: /^(-|[a-z_]+:[-+.0-9a-z]+(;[a-z_]+:[-+.0-9a-z]+)*)$/, maxLength: 160},
    minLength: 0,
    maxLength: kMaxSlots,
  },
  {key: "exActive", type: "int", default: 0, min: 0, max: kMaxSlots - 1},
  {key: "exXMin", type: "number", default: -5, min: -1000, max: 1000},
  {key: "exXMax", type: "number", default: 5, min: -1000, max: 1000},
  {key: "exShowF", type: "bool", default: true},
  {key: "exShowDf", type: "bool", default: true},
  {key: "exSatThreshold", type: "number", default: 0.05, min: 0, max: 1},
  {key: "exDepth", type: "int", default: 10, min: 1, max: 100},
];

export default explorerSchema;
