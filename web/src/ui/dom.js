// Tiny DOM helpers. Text always goes in as textContent; nothing is parsed as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * h("button", {class: "x", type: "button", onClick: fn, text: "Play"}, children)
 * Attributes: class, text (textContent), on<Event> listeners, boolean true -> "", null/false -> absent.
 */
export function h(tag, attrs = {}, children = []) {
  return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs = {}, children = []) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") element.textContent = String(value);
    else if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name === "className" ? "class" : name, value === true ? "" : String(value));
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

/** Replaces all children. */
export function replaceChildren(element, children) {
  element.replaceChildren(...[].concat(children).filter(Boolean));
}

/** Sets textContent only when it changed (avoids layout work every frame). */
export function setText(element, text) {
  const value = String(text);
  if (element.textContent !== value) element.textContent = value;
}

/** Sets an attribute only when it changed (an unchanged write still invalidates style). */
export function setAttr(element, name, value) {
  const text = String(value);
  if (element.getAttribute(name) !== text) element.setAttribute(name, text);
}

/** Toggles a class only when it changed. */
export function setClass(element, name, on) {
  if (element.classList.contains(name) !== Boolean(on)) element.classList.toggle(name, Boolean(on));
}

/** Keeps a canvas's backing store at its CSS size x devicePixelRatio; returns {width, height, ratio} in CSS px. */
export function fitCanvas(canvas) {
  const ratio = Math.min(window.devicePixelRatio || 1, 3);
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  const pixelWidth = Math.round(width * ratio);
  const pixelHeight = Math.round(height * ratio);
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  return {width, height, ratio};
}

/**
 * A canvas of fixed CSS size: its backing store at that size x devicePixelRatio (capped at
 * maxRatio), resized only when it changed. Returns its 2D context scaled to CSS px.
 */
export function fixedCanvas(canvas, cssWidth, cssHeight, maxRatio = 2) {
  const ratio = Math.min(window.devicePixelRatio || 1, maxRatio);
  if (canvas.width !== cssWidth * ratio) canvas.width = cssWidth * ratio;
  if (canvas.height !== cssHeight * ratio) canvas.height = cssHeight * ratio;
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

const contentKeys = new WeakMap();
/** Replaces `node`'s children with `make()` unless `key` equals the last one used. */
export function replaceIfChanged(node, key, make) {
  if (contentKeys.get(node) === key) return;
  contentKeys.set(node, key);
  node.replaceChildren(...make());
}

/** Shortens text to at most 60 characters for notices (an ellipsis marks the cut). */
export function clip(text) {
  const value = String(text);
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

let idCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = "ap") {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled <select>; options: [{value, label}]. Returns {root, select}. */
export function labelledSelect(label, options, attrs = {}) {
  const id = uid("sel");
  const select = h("select", {id, ...attrs}, options.map((option) => h("option", {value: option.value, text: option.label})));
  return {root: h("div", {class: "field"}, [h("label", {for: id, text: label}), select]), select};
}

/** Sets a select's options only if they differ, then its value. */
export function syncSelect(select, options, value) {
  const same =
    select.options.length === options.length &&
    options.every((option, i) => select.options[i].value === String(option.value) && select.options[i].textContent === option.label);
  if (!same) select.replaceChildren(...options.map((option) => h("option", {value: option.value, text: option.label})));
  if (select.value !== String(value)) select.value = String(value);
}

/** Select options for numeric choices plus the current value (which may be off the list), deduplicated and ascending. */
export function numberChoices(values, current, format = String) {
  return [...new Set([...values, current])].sort((a, b) => a - b).map((value) => ({value, label: format(value)}));
}

/** Whether `element` has the focus, in the document or in a shadow root (where document.activeElement is the host). */
export function isFocused(element) {
  return element.getRootNode().activeElement === element;
}

/** The element with the focus within `element`'s document or shadow root. */
export function focusedIn(element) {
  return element.getRootNode().activeElement;
}
