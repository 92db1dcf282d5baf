// The properties card of the focused activation: group, output range, monotonic,
// smoothness, zero-centred, saturation, f'(0), and the critical points in view.

import {el, replaceIfChanged} from "./dom.js";
import {formatSignificant} from "../i18n/format.js";

/** Returns {element, update(slot, criticalXs)}. */
export function createPropertiesCard({t}) {
  const heading = el("h3", {class: "ex-heading", text: t("explorer.properties.heading")});
  const list = el("dl", {class: "ex-properties"});
  const note = el("p", {class: "ex-muted ex-note", text: t("explorer.properties.note")});
  const element = el("section", {class: "ex-card"}, [heading, list, note]);

  const word = (group, value) => {
    const key = group.startsWith("app.") ? `${group}.${value}` : `explorer.${group}.${value}`;
    return t.has(key) ? t(key) : String(value);
  };
  const yesNo = (value) => t(value ? "explorer.properties.yes" : "explorer.properties.no");

  return {
    element,
    update(slot, criticalXs) {
      const p = slot.entry.properties ?? {};
      const range = Array.isArray(p.range) ? p.range : [NaN, NaN];
      const open = (v) => (Number.isFinite(v) ? "[" : "(");
      const close = (v) => (Number.isFinite(v) ? "]" : ")");
      const rows = [
        // Group names are the page's (app.json), shared with the catalog list and the pickers.
        ["group", word("app.groups", p.group ?? slot.entry.group)],
        ["range", `${open(range[0])}${formatSignificant(range[0])}, ${formatSignificant(range[1])}${close(range[1])}`],
        ["monotonic", yesNo(p.monotonic)],
        ["smoothness", word("smoothness", p.smoothness)],
        ["zeroCentred", yesNo(p.zeroCentred)],
        ["saturationLeft", word("saturation", p.saturation?.left)],
        ["saturationRight", word("saturation", p.saturation?.right)],
        ["derivativeAtZero", formatSignificant(p.derivativeAtZero, 6)],
        [
          "learnable",
          slot.entry.params.filter((q) => q.learnable).map((q) => q.name).join(", ") || t("explorer.properties.none"),
        ],
        [
          "critical",
          criticalXs === null
            ? t("explorer.properties.unavailable")
            : criticalXs.length
            ? criticalXs.slice(0, 6).map((x) => formatSignificant(x, 5)).join(", ") + (criticalXs.length > 6 ? ", \u2026" : "")
            : t("explorer.properties.none"),
        ],
      ];
      replaceIfChanged(list, JSON.stringify(rows), () =>
        rows.flatMap(([key, value]) => [el("dt", {text: t(`explorer.properties.${key}`)}), el("dd", {text: value})]),
      );
    },
  };
}
