// A small row of download buttons, placed where the thing it downloads is shown. Each action may
// be async; a failure becomes a notice (or, without notices, a message in the bar), never an
// uncaught error.
import {h} from "../ui/dom.js";

/**
 * @param {{t, notices?: {add(kind, text, id?)}, testid: string, extra?: Node[],
 *   items: {text: string, title: string, testid: string, run: () => unknown}[]}} options
 * @returns {HTMLElement}
 */
export function exportBar({t, notices = null, testid, items, extra = []}) {
  const problem = h("span", {class: "export-problem", role: "alert", hidden: true});
  const report = (id, text) => {
    if (notices) notices.add("error", text, `export-${id}`);
    else {
      problem.textContent = text;
      problem.hidden = false;
    }
  };
  const buttons = items.map((item) => {
    const button = h("button", {type: "button", class: "button export-button", title: item.title, "data-testid": item.testid, text: item.text});
    button.addEventListener("click", async () => {
      problem.hidden = true;
      try {
        await item.run();
      } catch (error) {
        report(item.testid, t("exports.failed", {message: error?.message ?? String(error)}));
      }
    });
    return button;
  });
  return h("div", {class: "export-bar", role: "group", "aria-label": t("exports.groupLabel"), "data-testid": testid}, [...buttons, ...extra, problem]);
}
