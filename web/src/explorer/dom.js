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

// The generic helpers are shared with the classifier.
export {focusedIn, isFocused, replaceIfChanged, setAttr, setText, uid} from "../ui/dom.js";

/**
 * Message lookup for keys such as "explorer.title" through the page's messages object
 * (`{t, has}`, scoped to the explorer); a missing key returns the key itself.
 */
export function createTranslator(messages) {
  const t = (key, vars) => messages.t(key, vars);
  t.has = (key) => messages.has(key);
  /** Loads a lazy namespace of texts (the guide's); see i18n/load.js. */
  t.ensure = (namespace) => messages.ensure?.(namespace) ?? Promise.resolve();
  return t;
}
