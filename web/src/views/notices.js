// Page notices (settings from a link that were replaced, errors from the core), dismissible.
import {h} from "../ui/dom.js";

/**
 * @param {HTMLElement} target
 * @param {{notices: {id: string, kind: "info" | "error", text: string, action?: {label: string, run: () => void}}[]}} data
 * @param {{t: Function, onDismiss: (id: string) => void, onDismissAll?: () => void}} options
 */
export function draw(target, data, options) {
  const all =
    data.notices.length > 1 && options.onDismissAll
      ? h("div", {class: "notices-all"}, [h("button", {type: "button", class: "button button--quiet", text: options.t("app.dismissAll"), onClick: () => options.onDismissAll()})])
      : null;
  target.replaceChildren(
    ...(all ? [all] : []),
    ...data.notices.map((notice) =>
      h("div", {class: `notice notice--${notice.kind}`, "data-notice": notice.id}, [
        h("p", {text: notice.text}),
        notice.action ? h("button", {type: "button", class: "button", text: notice.action.label, "data-action": "notice-action", onClick: notice.action.run}) : null,
        h("button", {type: "button", class: "button button--quiet", text: options.t("app.dismiss"), onClick: () => options.onDismiss(notice.id)}),
      ]),
    ),
  );
  target.hidden = data.notices.length === 0;
}
