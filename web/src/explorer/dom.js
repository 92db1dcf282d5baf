// Tiny DOM helpers: elements from data, text only (never HTML), and message lookup.

/**
 * Creates an element. `props`: class (string), text, attrs ({name: value}; null skips),
 * on ({event: handler}), dataset. Children may be nodes, strings or null.
 */
export function el(tag, props = {}, children = []) {
  const node = tag === "svg" || props.svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  if (props.class) node.setAttribute("class", props.class);
  if (props.text != null) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [name, value] of Object.entries(props.dataset ?? {})) node.dataset[name] = value;
  for (const [event, handler] of Object.entries(props.on ?? {})) node.addEventListener(event, handler);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** An SVG child element (line, path, ...) with attributes. */
export function svgEl(tag, attrs = {}) {
  return el(tag, {svg: true, attrs});
}

/** Writes text only when it differs, so unchanged renders cost no style invalidation. */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets an attribute only when it differs. */
export function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

const contentKeys = new WeakMap();
/** Replaces `node`'s children with `make()` unless `key` equals the last one used. */
export function replaceIfChanged(node, key, make) {
  if (contentKeys.get(node) === key) return;
  contentKeys.set(node, key);
  node.replaceChildren(...make());
}

let idCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * Message lookup for keys such as "explorer.title". `messages` is either the page's
 * messages object (with t/has) or a plain catalog keyed by namespace (file name),
 * {explorer: {title: "..."}}. `{name}` placeholders are filled from `vars`; a missing
 * key returns the key itself, so a gap is visible but never fatal.
 */
export function createTranslator(messages) {
  if (messages && typeof messages.t === "function" && typeof messages.has === "function") {
    const t = (key, vars) => messages.t(key, vars);
    t.has = (key) => messages.has(key);
    return t;
  }
  const lookup = (key) => {
    let node = messages;
    for (const part of key.split(".")) {
      if (node === null || typeof node !== "object") return undefined;
      node = node[part];
    }
    return typeof node === "string" ? node : undefined;
  };
  const t = (key, vars) => {
    const text = lookup(key) ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
  };
  t.has = (key) => lookup(key) !== undefined;
  return t;
}
