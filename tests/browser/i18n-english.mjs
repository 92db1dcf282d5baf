// Shared by the i18n browser tests: which visible words are English. Runs in the page.
// Walks text nodes (skipping hidden elements, <script>/<style>, code, math and anything marked
// lang="en") and the aria-label, title, placeholder and alt attributes, also inside shadow roots.
export function englishWordsIn(rootSelector, allowed, hostId = null) {
  const allow = new Set(allowed.map((word) => word.toLowerCase()));
  const scopeRoot = hostId ? document.getElementById(hostId).shadowRoot : document;
  const root = rootSelector ? scopeRoot.querySelector(rootSelector) : scopeRoot.body ?? scopeRoot;
  const found = new Map();
  const skip = (element) =>
    element.closest("script, style, code, pre, textarea, .katex, math, [lang^='en'], .ap-parking, [hidden], dialog:not([open]), option:not(:checked)") ||
    (element.checkVisibility && !element.checkVisibility({visibilityProperty: true}) && !element.closest("[role=tooltip], .tip-text"));
  const note = (text, where) => {
    for (const word of text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []) {
      if (allow.has(word.toLowerCase())) continue;
      if (!found.has(word)) found.set(word, where.slice(0, 80));
    }
  };
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.parentElement && !skip(node.parentElement)) note(node.textContent, node.parentElement.outerHTML);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.closest("script, style, .katex, math, [lang^='en'], .ap-parking")) return;
      for (const name of ["aria-label", "title", "placeholder", "alt", "aria-valuetext"]) {
        const value = node.getAttribute(name);
        if (value) note(value, `${name} on ${node.outerHTML}`);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  if (!rootSelector && !hostId) note(document.title, "<title>");
  return Object.fromEntries(found);
}
