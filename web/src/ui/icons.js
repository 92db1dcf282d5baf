// Shared small pieces of UI: the page's icons and the "explain" tooltip.
import {h, s, uid} from "./dom.js";

/** The few icons the page uses, as SVG paths (no icon font, no external file). */
export function svgIcon(name) {
  const paths = {
    plus: "M12 5v14M5 12h14",
    minus: "M5 12h14",
    play: "M8 5l11 7-11 7z",
    pause: "M8 5v14M16 5v14",
    step: "M6 5l9 7-9 7zM18 5v14",
    reset: "M4 12a8 8 0 1 0 2.3-5.6M4 4v5h5",
    refresh: "M20 12a8 8 0 1 1-2.3-5.6M20 4v5h-5",
    close: "M6 6l12 12M18 6L6 18",
  };
  return s("svg", {class: `icon icon--${name}`, viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false"}, [s("path", {d: paths[name]})]);
}

/** An ⓘ button whose tooltip `text` shows on hover and focus (described-by, so screen readers read it). */
export function tip(text, t) {
  const id = uid("tip");
  return h("span", {class: "tip"}, [
    h("button", {type: "button", class: "tip-button", "aria-describedby": id, "aria-label": t("classifier.explain")}, [
      s("svg", {viewBox: "0 0 24 24", class: "icon", "aria-hidden": "true", focusable: "false"}, [
        s("circle", {cx: 12, cy: 12, r: 9}),
        s("path", {d: "M12 11v6M12 7.5v.5"}),
      ]),
    ]),
    h("span", {class: "tip-text", role: "tooltip", id, text}),
  ]);
}
