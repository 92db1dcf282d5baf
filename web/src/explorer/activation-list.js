// The catalog list: every activation grouped by the catalog's `group`, a search box,
// and per item "show" (replace the active curve) and "+" (overlay) buttons.

import {el, setAttr, uid} from "./dom.js";
import {groupCatalog, groupLabel} from "../ui/groups.js";

/**
 * `catalog`: core.activations(). `onSelect(name)`, `onAdd(name)`.
 * Returns {element, update({slots, activeIndex, canAdd}), destroy()}.
 */
export function createActivationList(catalog, {t, onSelect, onAdd}) {
  const searchId = uid("ex-search");
  const search = el("input", {
    class: "ex-search",
    attrs: {type: "search", id: searchId, autocomplete: "off", spellcheck: "false", placeholder: t("explorer.search.placeholder")},
  });
  const empty = el("p", {class: "ex-list-empty", text: t("explorer.search.none"), attrs: {hidden: true}});
  const count = el("p", {class: "ex-visually-hidden", attrs: {"aria-live": "polite"}});

  const groups = new Map(groupCatalog(catalog));
  const groupNames = [...groups.keys()];

  const items = new Map();
  const groupNodes = [];
  const list = el("div", {class: "ex-list", attrs: {"data-testid": "activation-list"}});
  for (const group of groupNames) {
    const headingId = uid("ex-group");
    const heading = el("h3", {class: "ex-group-heading", text: groupLabel(t, group), attrs: {id: headingId}});
    const ul = el("ul", {class: "ex-group-items", attrs: {"aria-labelledby": headingId}});
    for (const entry of groups.get(group)) {
      const swatch = el("span", {class: "ex-item-swatch", attrs: {"aria-hidden": "true"}});
      const select = el("button", {class: "ex-item-select", attrs: {type: "button", "aria-pressed": "false"}}, [
        swatch,
        el("span", {class: "ex-item-text"}, [
          el("span", {class: "ex-item-label", text: entry.label}),
          el("span", {class: "ex-item-name", text: entry.name}),
        ]),
      ]);
      const add = el("button", {
        class: "ex-item-add",
        text: "+",
        attrs: {type: "button", title: t("explorer.list.add", {label: entry.label}), "aria-label": t("explorer.list.add", {label: entry.label})},
      });
      const li = el("li", {class: "ex-item", dataset: {name: entry.name}}, [select, add]);
      ul.append(li);
      items.set(entry.name, {entry, li, select, add, swatch, haystack: `${entry.name} ${entry.label} ${entry.group} ${groupLabel(t, group)}`.toLowerCase()});
    }
    const section = el("div", {class: "ex-group", dataset: {group}}, [heading, ul]);
    groupNodes.push({section, names: groups.get(group).map((e) => e.name)});
    list.append(section);
  }

  const onClick = (event) => {
    const li = event.target.closest(".ex-item");
    if (!li) return;
    if (event.target.closest(".ex-item-add")) onAdd(li.dataset.name);
    else onSelect(li.dataset.name);
  };
  list.addEventListener("click", onClick);

  const applyFilter = () => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let visible = 0;
    for (const {li, haystack} of items.values()) {
      const match = words.every((w) => haystack.includes(w));
      li.hidden = !match;
      if (match) visible += 1;
    }
    for (const {section, names} of groupNodes) section.hidden = names.every((n) => items.get(n).li.hidden);
    empty.hidden = visible > 0;
    count.textContent = words.length ? t("explorer.search.count", {count: visible}) : "";
  };
  search.addEventListener("input", applyFilter);

  const element = el("div", {class: "ex-catalog"}, [
    el("label", {class: "ex-label", text: t("explorer.search.label"), attrs: {for: searchId}}),
    search,
    count,
    list,
    empty,
  ]);

  return {
    element,
    update({slots, activeIndex, canAdd}) {
      // The first slot showing an activation gives its swatch colour.
      const slotOf = new Map();
      for (const s of slots) if (!slotOf.has(s.name)) slotOf.set(s.name, s);
      const active = slots[activeIndex];
      for (const [name, item] of items) {
        const slot = slotOf.get(name);
        const isActive = active?.name === name;
        setAttr(item.select, "aria-pressed", String(isActive));
        setAttr(item.li, "class", isActive ? "ex-item ex-item--active" : "ex-item");
        setAttr(item.swatch, "class", slot ? `ex-item-swatch ex-slot-bg-${slot.index}` : "ex-item-swatch");
        const disabled = !canAdd || Boolean(slot && slot.entry.params.length === 0);
        if (item.add.disabled !== disabled) item.add.disabled = disabled;
        // A disabled "+" says why, on hover and in its name.
        const label = item.entry.label || name;
        const why = !disabled ? t("explorer.list.add", {label}) : !canAdd ? t("explorer.list.addFull", {label}) : t("explorer.list.addSame", {label});
        setAttr(item.add, "title", why);
        setAttr(item.add, "aria-label", why);
      }
    },
    destroy() {
      list.removeEventListener("click", onClick);
      search.removeEventListener("input", applyFilter);
    },
  };
}

