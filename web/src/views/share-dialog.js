// The share and embed dialog: a link to exactly this state (optionally with the trained
// weights), and the iframe and <activation-playground> snippets for chosen panels, with a live
// preview. A native <dialog>: Esc closes it and it keeps the focus inside while open.
import {h, setText} from "../ui/dom.js";
import {CONTROLS, PANELS} from "../embed/schema.js";
import {LONG_LINK_CHARS, compressText, elementSnippet, embedUrl, iframeSnippet, pageLink} from "../embed/share.js";

/**
 * @param {{t: Function, getState: () => object, pageUrl: () => string, elementUrl: string,
 *   exportModel: () => Promise<string | null>}} options
 * @returns {{element: HTMLDialogElement, open(section: "share" | "embed"): Promise<void>}}
 */
export function createShareDialog({t, getState, pageUrl, elementUrl, exportModel}) {
  let weights = "";
  let renderToken = 0;
  const linkField = h("textarea", {class: "share-field", readonly: true, rows: 3, "data-testid": "share-link", "aria-label": t("app.share.linkLabel")});
  const withWeights = h("input", {type: "checkbox", id: "share-with-weights", "data-testid": "share-weights"});
  const linkSize = h("p", {class: "hint", "data-testid": "share-size"});
  const longWarning = h("p", {class: "share-warning", role: "status", hidden: true, "data-testid": "share-long"});
  const panelBoxes = PANELS.map((panel) => {
    const box = h("input", {type: "checkbox", id: `share-panel-${panel}`, value: panel});
    box.addEventListener("change", renderEmbed);
    return {panel, box, row: h("div", {class: "field field--check"}, [box, h("label", {for: `share-panel-${panel}`, text: t(`app.share.panelNames.${panel}`)})])};
  });
  const controlsSelect = h(
    "select",
    {id: "share-controls"},
    CONTROLS.map((value) => h("option", {value, text: t(`app.share.controlNames.${value}`)})),
  );
  controlsSelect.addEventListener("change", renderEmbed);
  const elementField = h("textarea", {class: "share-field share-field--code", readonly: true, rows: 4, "data-testid": "snippet-element", "aria-label": t("app.share.elementSnippet")});
  const iframeField = h("textarea", {class: "share-field share-field--code", readonly: true, rows: 3, "data-testid": "snippet-iframe", "aria-label": t("app.share.iframeSnippet")});
  const preview = h("iframe", {class: "share-preview", title: t("app.share.previewTitle"), "data-testid": "share-preview"});

  withWeights.addEventListener("change", async () => {
    weights = "";
    if (withWeights.checked) {
      const model = await exportModel();
      weights = model ? await compressText(JSON.stringify(JSON.parse(model).layers)) : "";
    }
    renderLink();
  });

  const shareSection = h("section", {class: "share-section", "data-section": "share"}, [
    h("h3", {text: t("app.share.title")}),
    h("p", {class: "share-label", text: t("app.share.linkLabel")}),
    linkField,
    h("div", {class: "share-row"}, [h("div", {class: "field field--check"}, [withWeights, h("label", {for: "share-with-weights", text: t("app.share.withWeights")})]), copyButton(linkField, t)]),
    h("p", {class: "hint", text: t("app.share.weightsHint")}),
    linkSize,
    longWarning,
  ]);
  const embedSection = h("section", {class: "share-section", "data-section": "embed"}, [
    h("h3", {text: t("app.share.embedTitle")}),
    h("fieldset", {class: "share-panels"}, [h("legend", {text: t("app.share.panels")}), ...panelBoxes.map((item) => item.row)]),
    h("div", {class: "field"}, [h("label", {for: "share-controls", text: t("app.share.controls")}), controlsSelect]),
    h("p", {class: "share-label", text: t("app.share.elementSnippet")}),
    elementField,
    copyButton(elementField, t),
    h("p", {class: "share-label", text: t("app.share.iframeSnippet")}),
    iframeField,
    copyButton(iframeField, t),
    h("h4", {text: t("app.share.preview")}),
    preview,
  ]);
  const dialog = h("dialog", {class: "share-dialog", "aria-labelledby": "share-dialog-title", "data-testid": "share-dialog"}, [
    h("div", {class: "share-head"}, [
      h("h2", {id: "share-dialog-title", text: t("app.share.open")}),
      h("button", {type: "button", class: "button button--quiet", text: t("app.share.close"), onClick: () => dialog.close()}),
    ]),
    shareSection,
    embedSection,
  ]);
  // Leaving the preview blank while closed stops its training.
  dialog.addEventListener("close", () => preview.removeAttribute("src"));

  function chosenPanels() {
    const panels = panelBoxes.filter((item) => item.box.checked).map((item) => item.panel);
    return panels.length ? panels : ["boundary"];
  }

  function renderLink() {
    const link = pageLink(pageUrl(), {...getState(), weights});
    linkField.value = link;
    setText(linkSize, t("app.share.linkSize", {chars: link.length.toLocaleString("en")}));
    const long = link.length > LONG_LINK_CHARS;
    longWarning.hidden = !long;
    setText(longWarning, long ? t("app.share.longLink", {chars: link.length.toLocaleString("en")}) : "");
  }

  function renderEmbed() {
    const state = getState();
    const choice = {panels: chosenPanels(), controls: controlsSelect.value};
    elementField.value = elementSnippet(elementUrl, state, choice);
    iframeField.value = iframeSnippet(pageUrl(), state, {...choice, title: t("app.title")});
    // The preview is the snippet's own page, so what it shows is what a reader will see.
    const src = embedUrl(pageUrl(), state, choice);
    const token = ++renderToken;
    queueMicrotask(() => {
      if (token === renderToken && dialog.open) preview.src = src;
    });
  }

  return {
    element: dialog,
    async open(section) {
      const state = getState();
      for (const item of panelBoxes) item.box.checked = state.panels.includes(item.panel);
      controlsSelect.value = state.controls;
      withWeights.checked = false;
      weights = "";
      renderLink();
      if (!dialog.open) dialog.showModal();
      renderEmbed();
      (section === "embed" ? embedSection : shareSection).scrollIntoView({block: "start"});
    },
  };
}

function copyButton(field, t) {
  const button = h("button", {type: "button", class: "button", text: t("app.share.copy")});
  button.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      setText(button, t("app.share.copied"));
    } catch {
      setText(button, t("app.share.copyFailed"));
    }
  });
  return button;
}
