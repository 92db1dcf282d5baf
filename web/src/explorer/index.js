// The activation explorer: composition root. Loads the core on the main thread (one
// evaluation of a few thousand points costs microseconds) and the live views
// (live-explorer.js), and until both are there shows the build-time preview of its chart.

import "../../styles/explorer.css";
// First: the explorer's texts, before anything below reads them.
import "./messages.js";
import {el, createTranslator} from "./dom.js";
import {loadFailureReason} from "../ui/load-failure.js";
import {mountPreview} from "./preview.js";

let liveExplorer = null;
/** The live views' module; once loaded, kept, so that a re-mount builds within the same task. */
const loadLiveExplorer = () => (liveExplorer ? Promise.resolve(liveExplorer) : import("./live-explorer.js").then((module) => (liveExplorer = module)));

/**
 * Mounts the explorer into `rootElement`. `store`: {get, set, subscribe};
 * `messages`: the page's messages ({t, has, ensure}) scoped to the explorer; `loadCore`: the page's
 * shared () => Promise<core>. Returns {ready: Promise, parts, destroy()}.
 */
export function mountExplorer(rootElement, {store, messages, loadCore, idPrefix = ""} = {}) {
  const t = createTranslator(messages);
  const container = el("div", {class: "ex", dataset: {state: "loading"}});
  const status = el("p", {class: "ex-status", text: t("explorer.loading"), attrs: {role: "status"}});
  container.append(
    el("header", {class: "ex-intro"}, [
      // The app's section is aria-labelledby="<prefix>explorer-title".
      el("h2", {class: "ex-title", text: t("explorer.title"), attrs: {id: `${idPrefix}explorer-title`}}),
      el("p", {class: "ex-lead", text: t("explorer.lead")}),
    ]),
    status,
  );
  rootElement.append(container);
  let preview = mountPreview(status, store.get(), t);
  if (preview) container.dataset.state = "preview";
  const dropPreview = () => {
    preview?.destroy();
    preview = null;
  };

  let destroyed = false;
  let teardown = () => {};
  let parts = null;
  const ready = (async () => {
    try {
      // While the preview stands in, the live views wait for the core (on a slow link they would
      // share it with the .wasm); without a preview both load at once.
      const views = preview ? null : loadLiveExplorer();
      const core = await loadCore();
      const {buildExplorer} = await (views ?? loadLiveExplorer());
      if (destroyed) return;
      dropPreview();
      ({teardown, parts} = buildExplorer(container, status, core, store, t));
      container.dataset.state = "ready";
      performance.mark("explorer-ready");
    } catch (error) {
      dropPreview();
      container.dataset.state = "error";
      status.classList.add("ex-error");
      status.textContent = t("explorer.loadFailed", {message: loadFailureReason(error?.message ?? error)});
    }
  })();

  return {
    ready,
    /** The elements an embed shows on their own ({chart}), once ready. */
    get parts() {
      return parts;
    },
    /** True when the core could not be loaded (the app mounts the explorer again on Retry). */
    get failed() {
      return container.dataset.state === "error";
    },
    destroy() {
      destroyed = true;
      dropPreview();
      teardown();
      container.remove();
    },
  };
}

