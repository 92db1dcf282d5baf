// The legend of overlaid activations: a line sample in the slot's colour and dash,
// the label with non-default parameters, "focus" on click and a remove button.

import {el, focusedIn, svgEl} from "./dom.js";
import {kSlotDashes} from "./palette.js";
import {formatSignificant} from "../i18n/format.js";

/** A small SVG line sample for a slot; colour comes from the ex-slot-stroke-N class. */
export function lineSample(slot, thin = false) {
  const svg = el("svg", {
    class: `ex-line-sample ex-slot-stroke-${slot}${thin ? " ex-line-sample--thin" : ""}`,
    attrs: {viewBox: "0 0 32 10", width: 32, height: 10, "aria-hidden": "true", focusable: "false"},
  });
  svg.append(
    svgEl("line", {x1: 1, y1: 5, x2: 31, y2: 5, "stroke-width": thin ? 1.6 : 3, "stroke-dasharray": (kSlotDashes[slot] ?? []).join(" ") || null}),
  );
  return svg;
}

/** What a legend entry shows: the slot's line sample and its title (the live legend and the preview's). */
export function legendLabel(slot, title) {
  return [lineSample(slot), el("span", {class: "ex-legend-text", text: title})];
}

/** "Swish (β = 2)"-style text: the label plus parameters that differ from the defaults. */
export function slotTitle(slot) {
  const changed = slot.entry.params
    .filter((p) => slot.params[p.name] !== p.default)
    .map((p) => `${p.name} = ${formatSignificant(slot.params[p.name], 4)}`);
  return changed.length ? `${slot.entry.label} (${changed.join(", ")})` : slot.entry.label;
}

/** Returns {element, update({slots, activeIndex})}; callbacks get the slot index. */
export function createLegend({t, onFocus, onRemove}) {
  const list = el("ul", {class: "ex-legend", attrs: {"aria-label": t("explorer.legend.label")}});
  const onClick = (event) => {
    const item = event.target.closest(".ex-legend-item");
    if (!item) return;
    const index = Number(item.dataset.slot);
    if (event.target.closest(".ex-legend-remove")) onRemove(index);
    else onFocus(index);
  };
  list.addEventListener("click", onClick);
  let shown = null;
  return {
    element: list,
    update({slots, activeIndex}) {
      const signature = `${activeIndex}|${slots.map((slot) => `${slot.name}:${slotTitle(slot)}`).join("|")}`;
      if (signature === shown) return;
      shown = signature;
      // Rebuilding drops focus; put it back on the same slot (or the focused one) for keyboard users.
      const active = focusedIn(list);
      const focused = list.contains(active) ? active : null;
      const focusedSlot = focused ? Number(focused.closest(".ex-legend-item")?.dataset.slot) : null;
      const focusedRemove = focused?.classList.contains("ex-legend-remove") ?? false;
      list.replaceChildren(
        ...slots.map((slot) => {
          const title = slotTitle(slot);
          const focus = el(
            "button",
            {
              class: "ex-legend-focus",
              attrs: {type: "button", "aria-pressed": String(slot.index === activeIndex), title: t("explorer.legend.focus", {label: title})},
            },
            legendLabel(slot.index, title),
          );
          const remove =
            slots.length > 1
              ? el("button", {
                  class: "ex-legend-remove",
                  text: "\u00d7",
                  attrs: {type: "button", title: t("explorer.legend.remove", {label: title}), "aria-label": t("explorer.legend.remove", {label: title})},
                })
              : null;
          return el("li", {class: `ex-legend-item${slot.index === activeIndex ? " ex-legend-item--active" : ""}`, dataset: {slot: String(slot.index), name: slot.name}}, [focus, remove]);
        }),
      );
      if (focused) {
        // After a removal the focus moves to the focused slot; otherwise it stays on its slot.
        const index = focusedRemove || focusedSlot === null ? activeIndex : Math.min(focusedSlot, slots.length - 1);
        list.querySelector(`.ex-legend-item[data-slot="${index}"] .ex-legend-focus`)?.focus();
      }
    },
    destroy() {
      list.removeEventListener("click", onClick);
    },
  };
}
