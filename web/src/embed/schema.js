// How an app presents itself when embedded (an iframe with #embed=1, or the
// <activation-playground> element). These keys describe the view, not the experiment, so a
// link writes them only when they differ from the default (omitDefault).

/** Everything an embed can show, in the order an author lists them. */
export const PANELS = ["chart", "boundary", "network", "loss", "diagnostics", "controls"];
/** none: a picture that cannot be changed; play: play, step and reset only; all: every control. */
export const CONTROLS = ["none", "play", "all"];
/** Panels that belong to the trainer (they need the classifier mounted). */
export const TRAINER_PANELS = ["boundary", "network", "loss", "diagnostics", "controls"];

export const embedSchema = [
  {key: "embed", type: "bool", default: false, omitDefault: true},
  {key: "panels", type: "list", item: {type: "enum", values: PANELS}, minLength: 1, maxLength: PANELS.length, default: ["boundary", "loss"], omitDefault: true},
  {key: "controls", type: "enum", values: CONTROLS, default: "play", omitDefault: true},
  {key: "autoplay", type: "bool", default: false, omitDefault: true},
  // Trained weights shared in a link (see embed/share.js): the first configuration starts from them.
  {key: "weights", type: "string", pattern: /^[A-Za-z0-9_-]*$/, maxLength: 400000, default: "", omitDefault: true},
];
