// <activation-playground>: an app in a shadow root, for blog posts and course pages.
//   <script type="module" src="…/lib/activation-playground-element.mjs"></script>
//   <activation-playground activation="gelu" panels="chart"></activation-playground>
// Attributes mirror the state keys (web/src/embed/attributes.js); changing one updates the app.
// The styles are constructable stylesheets in the shadow root, so the host page's CSS neither
// breaks the element nor is broken by it. Works from another origin than the page: the worker
// starts from a Blob URL and the library and .wasm are fetched with CORS.
import mainCss from "../styles/main.css?inline";
import classifierCss from "../styles/classifier.css?inline";
import explorerCss from "../styles/explorer.css?inline";
import embedCss from "../styles/embed.css?inline";
import elementCss from "../styles/element.css?inline";
import lessonsCss from "../styles/lessons.css?inline";
import uplotCss from "uplot/dist/uPlot.min.css?inline";
import TrainerWorker from "./worker/trainer-worker.js?worker&inline";
import {setWorkerFactory} from "./worker/client.js";
import MeasureWorker from "./lessons/measure-worker.js?worker&inline";
import {setMeasureWorkerFactory} from "./lessons/measure-client.js";
import {createApp} from "./app.js";
import {pageSchema} from "./state/schema.js";
import {parse} from "./state/url.js";
import {OBSERVED_ATTRIBUTES, stateFromAttributes} from "./embed/attributes.js";

const LIB_URL = new URL(/* @vite-ignore */ "./activation-playground.mjs", import.meta.url).href;
const DEFAULTS = parse("", pageSchema).state;

setWorkerFactory(() => new TrainerWorker());
setMeasureWorkerFactory(() => new MeasureWorker());

let sheets = null;
/**
 * One set of stylesheets for every element of the page. The page's rules for :root apply to the
 * shadow host, and rem (the host page's root font size, which a blog may set to anything) becomes
 * the playground's own 16 px.
 */
function styleSheets() {
  sheets ??= [mainCss, uplotCss, classifierCss, explorerCss, embedCss, lessonsCss, elementCss].map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text.replace(/:root\b/g, ":host").replace(/(\d*\.?\d+)rem\b/g, "calc($1 * var(--ap-rem))"));
    return sheet;
  });
  return sheets;
}

export class ActivationPlaygroundElement extends HTMLElement {
  static observedAttributes = OBSERVED_ATTRIBUTES;
  #app = null;

  /** The app's handle (getState, setState, on, play, pause, step, destroy), once connected. */
  get app() {
    return this.#app;
  }

  connectedCallback() {
    if (this.#app) return;
    const shadow = this.shadowRoot ?? this.attachShadow({mode: "open"});
    shadow.adoptedStyleSheets = styleSheets();
    const container = document.createElement("div");
    container.className = "ap-host";
    shadow.replaceChildren(container);
    const {state, notices} = stateFromAttributes(this.attributes);
    for (const notice of notices) console.warn(`<activation-playground>: ${notice.key}="${notice.value}" is ${notice.reason}; the default is used`);
    this.#app = createApp(container, {embed: true, state, libUrl: LIB_URL});
  }

  disconnectedCallback() {
    // Moving the element in the document disconnects and reconnects it at once: keep the app then.
    queueMicrotask(() => {
      if (this.isConnected || !this.#app) return;
      this.#app.destroy();
      this.#app = null;
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#app || oldValue === newValue) return;
    // The attributes are the source of truth: every key they set, and defaults for the ones removed.
    const {state} = stateFromAttributes(this.attributes, {warn: () => {}});
    const partial = {};
    for (const key of Object.keys(DEFAULTS)) if (key !== "embed") partial[key] = key in state ? state[key] : this.#app.getState()[key];
    const removed = stateFromAttributes([[name, oldValue ?? ""]], {warn: () => {}}).state;
    for (const key of Object.keys(removed)) if (!(key in state)) partial[key] = DEFAULTS[key];
    this.#app.setState(partial);
  }
}

if (!customElements.get("activation-playground")) customElements.define("activation-playground", ActivationPlaygroundElement);
