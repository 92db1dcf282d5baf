// The page's composition root: messages, the one store and its URL hash, the sections.
import "../styles/main.css";
import "../styles/classifier.css";
import {loadMessages} from "./i18n/load.js";
import {pageSchema, schemaProblems} from "./state/schema.js";
import {parse, sanitize, serialize} from "./state/url.js";
import {createStore} from "./state/store.js";
import {mountClassifier} from "./classifier/index.js";
import {draw as drawNotices} from "./views/notices.js";
import {clip} from "./ui/dom.js";

const explorerModules = import.meta.glob("./explorer/index.js");
const HASH_WRITE_DELAY_MS = 150;

const messages = loadMessages();
const {t} = messages;
const libUrl = new URL("./lib/activation-playground.mjs", document.baseURI).href;

translateStatic(document);
handleInPageLinks();

const notices = createNotices(document.getElementById("notices"));
for (const problem of schemaProblems) notices.add("error", t("app.errors.schema", {problem}));

// A plain section link (#classifier) carries no state: start from defaults, then scroll there.
const sectionTarget = elementForHash(location.hash);
const initial = parse(sectionTarget ? "" : location.hash, pageSchema);
const store = createStore(initial.state, (partial) => sanitize(partial, pageSchema));
reportUrlNotices(initial.notices);
syncHash(store);

let corePromise = null;
/** The main thread's core (the explorer evaluates functions here; training runs in the worker). */
function loadCore() {
  corePromise ??= import(/* @vite-ignore */ libUrl).then((lib) => lib.loadCore());
  return corePromise;
}

mountClassifier(document.getElementById("classifier"), {store, messages, libUrl, notices});
mountExplorer(document.getElementById("explorer"));
sectionTarget?.scrollIntoView();

async function mountExplorer(section) {
  const load = explorerModules["./explorer/index.js"];
  if (!load) {
    section.hidden = true;
    return;
  }
  try {
    const module = await load();
    await module.mountExplorer(section, {store, messages: messages.scoped("explorer"), loadCore});
  } catch (error) {
    notices.add("error", t("app.errors.explorer", {message: error?.message ?? String(error)}));
  }
}

/** Fills elements marked data-i18n="ns.key" (text) and data-i18n-label (aria-label). */
function translateStatic(root) {
  document.documentElement.lang = messages.locale;
  document.title = t("app.title");
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-label]")) element.setAttribute("aria-label", t(element.dataset.i18nLabel));
}

function reportUrlNotices(list) {
  for (const notice of list) {
    const value = String(notice.value ?? "");
    notices.add(
      "info",
      t(`app.notices.${notice.reason}`, {key: clip(notice.key), value: clip(value)}),
      `url-${notice.reason}-${notice.key}`,
    );
  }
}

/** The hash follows the store (replaceState, debounced); a hash typed or pasted by the user updates the store. */
function syncHash(pageStore) {
  let timer = null;
  let written = "";
  const write = () => {
    timer = null;
    written = `#${serialize(pageStore.get(), pageSchema)}`;
    if (location.hash !== written) history.replaceState(history.state, "", written);
  };
  write();
  pageStore.subscribe(() => {
    if (timer === null) timer = setTimeout(write, HASH_WRITE_DELAY_MS);
  });
  window.addEventListener("hashchange", () => {
    if (location.hash === written) return;
    const target = elementForHash(location.hash);
    if (target) {
      history.replaceState(history.state, "", written);
      target.scrollIntoView();
      return;
    }
    const next = parse(location.hash, pageSchema);
    reportUrlNotices(next.notices);
    pageStore.set(next.state);
  });
}

/** The hash holds the state, so in-page links scroll instead of replacing it. */
function handleInPageLinks() {
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href^='#']");
    const target = link && elementForHash(link.getAttribute("href"));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({behavior: "smooth", block: "start"});
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({preventScroll: true});
  });
}

function elementForHash(hash) {
  const id = hash.replace(/^#/, "");
  return /^[A-Za-z][\w-]*$/.test(id) ? document.getElementById(id) : null;
}

function createNotices(target) {
  let list = [];
  const render = () => drawNotices(target, {notices: list}, {t, onDismiss: dismiss});
  const dismiss = (id) => {
    list = list.filter((notice) => notice.id !== id);
    render();
  };
  let counter = 0;
  const api = {
    add(kind, text, id = `notice-${++counter}`) {
      list = [...list.filter((notice) => notice.id !== id), {id, kind, text}];
      render();
    },
    dismiss,
  };
  render();
  return api;
}
