// The activation guide beside the chart: what the focused function computes, where it came from,
// its strengths and weaknesses, when to use it, and links that open the playground in a state
// that shows a claim. Text from web/messages/<locale>/guide.json (keyed by catalog name), numbers
// from the core (guide-facts.js), link targets from web/messages/guide-links.json (one table
// for every language). Maxout and softmax, which are not element-wise, are one click away.
// The texts are loaded on demand (i18n/load.js) when the card comes near the view: the first
// screen does not show it. Until then the card shows its heading only.
import {el, replaceIfChanged} from "./dom.js";
import {whenNear} from "./near-view.js";
import {EXTRA_GUIDES, GUIDE_SECTIONS, guideFacts} from "./guide-facts.js";
import {formatSignificant} from "../i18n/format.js";
import links from "../../messages/guide-links.json";

/**
 * @param {{t: Function, core, catalog: object[], onOpen: (link: {show: string, state: string}) => void, hrefFor: (state: string) => string}} options
 *   t.ensure("guide") loads the guide's texts
 * @returns {{element: HTMLElement, update(name: string): void, destroy(): void}}
 */
export function createGuide({t, core, catalog, onOpen, hrefFor}) {
  const body = el("div", {class: "ex-guide-body"});
  const extras = el("p", {class: "ex-guide-extras"});
  const element = el("section", {class: "ex-card ex-guide", attrs: {"data-testid": "guide"}}, [el("h3", {class: "ex-heading", text: t("explorer.guide.heading")}), body, extras]);
  const factsCache = new Map();
  let focused = null;
  let shown = null;

  const factsOf = (name) => {
    if (!factsCache.has(name)) factsCache.set(name, guideFacts(core, name, catalog));
    return factsCache.get(name);
  };
  let textsLoaded = false;
  const show = (name) => {
    if (!textsLoaded) return;
    shown = name;
    const facts = factsOf(name);
    const vars = Object.fromEntries(Object.entries(facts).map(([key, value]) => [key, formatSignificant(value, 4)]));
    const key = (part) => `guide.${name}.${part}`;
    const sections = GUIDE_SECTIONS.filter((part) => t.has(key(part))).map((part) => [part, t(key(part), vars)]);
    const linkList = Object.entries(links[name] ?? {}).filter(([id]) => t.has(key(`links.${id}`)));
    const signature = JSON.stringify([name, sections, linkList.map(([id]) => t(key(`links.${id}`), vars))]);
    replaceIfChanged(body, signature, () => [
      el("p", {class: "ex-guide-title", text: t("explorer.guide.about", {name: labelOf(name)})}),
      ...sections.map(([part, text]) =>
        el("div", {class: `ex-guide-section ex-guide-${part}`, dataset: {section: part}}, [el("h4", {text: t(`explorer.guide.sections.${part}`)}), el("p", {text})]),
      ),
      linkList.length
        ? el("div", {class: "ex-guide-section ex-guide-links"}, [
            el("h4", {text: t("explorer.guide.sections.links")}),
            el(
              "ul",
              {},
              linkList.map(([id, link]) => {
                const anchor = el("a", {text: t(key(`links.${id}`), vars), attrs: {href: hrefFor(link.state)}, dataset: {guideLink: id, show: link.show}});
                anchor.addEventListener("click", (event) => {
                  event.preventDefault();
                  onOpen(link);
                });
                return el("li", {}, [anchor]);
              }),
            ),
          ])
        : null,
    ]);
    replaceIfChanged(extras, `${focused}|${name}|${t("explorer.guide.also")}`, () => [
      el("span", {text: t("explorer.guide.also")}),
      ...[focused, ...EXTRA_GUIDES].filter((other) => other !== name).map((other) => {
        const button = el("button", {class: "ex-button ex-button--small", text: labelOf(other), attrs: {type: "button"}, dataset: {guide: other}});
        button.addEventListener("click", () => show(other));
        return button;
      }),
    ]);
    // Which activation's guide the card shows, for callers and tests (set once its texts are there).
    element.dataset.shown = name;
  };
  // The texts are asked for a screen ahead of the card.
  const stopWaiting = whenNear(element, () =>
    t.ensure("guide").then(
      () => {
        textsLoaded = true;
        if (focused !== null) show(shown ?? focused);
      },
      (error) => body.replaceChildren(el("p", {class: "ex-error", text: t("app.errors.texts", {message: error?.message ?? String(error)})})),
    ),
  );
  const labelOf = (name) => catalog.find((entry) => entry.name === name)?.label ?? t(`explorer.guide.names.${name}`);

  return {
    element,
    /** Shows the guide of the focused activation (again after a switch to maxout or softmax). */
    update(name) {
      if (name === focused && shown !== null) return;
      focused = name;
      show(name);
    },
    destroy() {
      stopWaiting();
    },
  };
}
