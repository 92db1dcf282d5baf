// The activation groups as the page shows them. Which group an activation belongs to is
// the catalog's (core.activations()[i].group); the order of the groups and their labels
// (app.groups in web/messages) are the page's, kept here once for the explorer's list and
// the classifier's picker. tests/js/catalog-api.test.mjs checks this list against the catalog.

export const GROUP_ORDER = Object.freeze(["classic", "relu-family", "smooth", "gated", "self-normalizing", "hard"]);

/** [[group, entries]] of a catalog: groups in GROUP_ORDER (any other after them, by name), entries in catalog order. */
export function groupCatalog(catalog) {
  const groups = new Map();
  for (const entry of catalog) {
    if (!groups.has(entry.group)) groups.set(entry.group, []);
    groups.get(entry.group).push(entry);
  }
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A group's label: app.groups.<group>, or the group's own name when it has none. */
export function groupLabel(t, group) {
  const key = `app.groups.${group}`;
  return t.has?.(key) === false ? group : t(key);
}

function rank(group) {
  const i = GROUP_ORDER.indexOf(group);
  return i < 0 ? GROUP_ORDER.length : i;
}
