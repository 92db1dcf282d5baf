// The app factory: mounts the explorer and/or the classifier into any element, as many times
// as a page likes. An app owns its store, its notices and its training session; it touches
// nothing global but the URL hash, and that only when asked to (syncUrl).
import {hasNamespaces, loadMessages, loadNamespaces} from "./i18n/load.js";
import {settingName} from "./i18n/setting-name.js";
import {liveMessages} from "./i18n/live.js";
import {browserLang, LOCALE_OF_LANG} from "./i18n/locale.js";
import {hashSetsLang} from "./i18n/schema.js";
import {setNumberLocale} from "./i18n/format.js";
import {pageSchema, schemaProblems} from "./state/schema.js";
import {parse, sanitize, serialize} from "./state/url.js";
import {createStore} from "./state/store.js";
import {mountClassifier} from "./classifier/index.js";
import {draw as drawNotices} from "./views/notices.js";
import {clip, h} from "./ui/dom.js";
import {TRAINER_PANELS} from "./embed/schema.js";
import {mountLessonPlayer} from "./lessons/player.js";
import {loadLibrary} from "./lib-loader.js";

const explorerModules = import.meta.glob("./explorer/index.js");
const HASH_WRITE_DELAY_MS = 150;
const MAX_NOTICES = 5;
const MERGED_NOTICE_ID = "notices-merged";
const SECTIONS = ["explorer", "classifier"];
const EVENTS = ["state", "frame", "error", "language"];

let appCount = 0;

/** The messages of a language ("en" or "zh"); one catalog per page and language, shared by every app. */
export function appMessages(lang = "en") {
  return loadMessages(lang);
}

/** Resolves after the frame being prepared now has been painted. */
function afterNextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The library's URL beside the page (relative, so any host and sub-path works). */
export function defaultLibUrl() {
  return new URL("./lib/activation-playground.mjs", document.baseURI).href;
}

/** The main thread's core, one per page and library (both memoised): the explorer evaluates functions here, the classifier checks parameters. */
function sharedCore(libUrl) {
  return loadLibrary(libUrl).then((lib) => lib.loadCore());
}

/**
 * @param {HTMLElement} root  where the app renders (its contents are replaced)
 * @param {{state?: object | string, sections?: string[], syncUrl?: boolean, idPrefix?: string,
 *   libUrl?: string, notices?: HTMLElement, lessonPicker?: HTMLElement}} [options]
 *   state: a partial state object, or a hash string ("v=1&dataset=xor"); sections: which of
 *   "explorer" and "classifier" to show, in order; syncUrl: read and write location.hash;
 *   idPrefix: prefix of every element id the app creates (default: a unique one per app);
 *   notices: an element for the app's notices (default: one made at the top of root);
 *   lessonPicker: an element for the lesson picker (default: above the sections)
 * @returns the app's handle: getState, setState, on, play, pause, step, ready, destroy
 */
export function createApp(root, options = {}) {
  let current = appMessages("en");
  let currentLang = "en";
  // The lazy namespaces (guide, lessons) a view of this app has asked for: a language switch
  // loads them in the new language before it relabels anything, so no view mixes languages.
  const wantedTexts = new Set();
  const ensureTexts = (namespace) => {
    wantedTexts.add(namespace);
    return loadNamespaces(currentLang, [namespace]);
  };
  // Every view gets these: the same functions, answering in the language of the moment.
  const messages = liveMessages(() => current, undefined, ensureTexts);
  const {t} = messages;
  const appId = ++appCount;
  const prefix = options.idPrefix ?? `ap${appId}-`;
  const libUrl = options.libUrl ?? defaultLibUrl();
  const sections = (options.sections ?? SECTIONS).filter((name) => SECTIONS.includes(name));
  const listeners = new Map(EVENTS.map((name) => [name, new Set()]));
  const emit = (name, payload) => {
    for (const listener of [...listeners.get(name)]) listener(payload);
  };
  const cleanups = [];

  const noticesTarget = options.notices ?? h("div", {class: "notices", role: "status", "aria-live": "polite", hidden: true});
  const notices = createNotices(noticesTarget, t, (notice) => {
    if (notice.kind === "error") emit("error", {message: textOf(notice), id: notice.id});
  });
  for (const problem of schemaProblems) notices.add("error", () => t("app.errors.schema", {problem}));
  // Without WebAssembly nothing can be computed: say so instead of showing empty sections.
  const canCompute = typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
  if (!canCompute) notices.add("error", () => t("app.errors.noWebAssembly"), "no-webassembly");

  const initial = typeof options.state === "string" || options.state === undefined ? parse(options.state ?? "", pageSchema) : parse("", pageSchema);
  const store = createStore(initial.state, (partial) => sanitize(partial, pageSchema));
  if (options.state && typeof options.state === "object") store.set(options.state);
  // The browser's languages decide when neither the link nor the caller chose one.
  const chosen = typeof options.state === "object" && options.state !== null ? "lang" in options.state : hashSetsLang(options.state);
  if (!chosen) store.set({lang: options.lang ?? browserLang()});
  const applyLanguage = () => {
    currentLang = store.get().lang;
    current = appMessages(currentLang);
    setNumberLocale(current.locale);
    root.lang = LOCALE_OF_LANG[store.get().lang];
  };
  applyLanguage();
  const reportUrlNotices = (list) => {
    for (const notice of list) {
      // One notice per setting, named as the page names it ("Hidden layers", not "hidden").
      notices.add("info", () => t(`app.notices.${notice.reason}`, {key: settingName(messages, notice.key), value: clip(String(notice.value ?? ""))}), `url-${notice.key}`);
    }
  };
  reportUrlNotices(initial.notices);
  cleanups.push(store.subscribe((state, changed) => emit("state", {state, changed})));
  if (options.syncUrl) cleanups.push(syncHash(store, root, reportUrlNotices));

  const embedded = Boolean(options.embed ?? store.get().embed);
  const lessons = mountLessonPlayer({store, messages, libUrl, embedded, idPrefix: prefix, pickerTarget: options.lessonPicker ?? null});
  cleanups.push(() => lessons.destroy());
  // A link that opens a lesson shows the app once the lesson's panel (loaded on demand) is drawn
  // above the sections, not before: they would be pushed down under the reader's eyes.
  if (lessons.opening) {
    root.classList.add("ap-opening-lesson");
    lessons.opening.then(() => root.classList.remove("ap-opening-lesson"));
    cleanups.push(() => root.classList.remove("ap-opening-lesson"));
  }
  const elements = {};
  const sectionFor = (name) =>
    (elements[name] ??= h("section", {id: `${prefix}${name}`, class: `section section--${name}`, "aria-labelledby": `${prefix}${name}-title`}));
  let classifier = null;
  let explorer = null;
  let explorerReady = null;
  let explorerModule = null;
  let destroyed = false;
  let relayout = () => {};

  function mountClassifierOnce() {
    if (classifier) return;
    const section = sectionFor("classifier");
    section.classList.add("is-loading");
    // The page's own app (synced with the URL) keeps an autosave; embeds do not.
    const autosave = Boolean(options.syncUrl) && !store.get().embed;
    classifier = mountClassifier(section, {store, messages, libUrl, loadCore: () => sharedCore(libUrl), notices, idPrefix: prefix, autosave, onRetry: retryExplorer, onFrame: (frame) => emit("frame", frame)});
    classifier.ready.then(() => {
      if (!destroyed && store.get().autoplay) classifier.actions.setPlaying(true);
    });
  }

  /** After the core failed to load, Retry mounts a failed explorer again (the classifier restarts its worker). */
  function retryExplorer() {
    if (explorer?.failed) remountExplorer();
  }

  /** Mounts the explorer again in its section (after a failed core, a language switch) with the module of its first mount. */
  function remountExplorer() {
    explorer.destroy();
    explorer = mountExplorerWith(explorerModule, sectionFor("explorer"));
    explorerReady = explorer.ready.then(() => undefined);
    explorerReady.then(relayout);
  }

  /** The explorer mounted into its section (the first time, and again after a language switch). */
  // On the page the trainer is the first screen and the explorer sits below it, showing its
  // preview: it instantiates the core and builds its views (100-200 ms of main-thread work) once
  // the trainer has drawn its first frame, so that work does not hold the trainer back.
  // Only the first mount waits: a re-mount (a language switch) must build at once, or it would
  // show its preview for a frame.
  let explorerMayBuild = null;
  const explorerCore = () => {
    explorerMayBuild ??= classifier && !embedded ? classifier.shown.then(afterNextPaint) : Promise.resolve();
    return explorerMayBuild.then(() => sharedCore(libUrl));
  };
  const mountExplorerWith = (module, section) =>
    module.mountExplorer(section, {store, messages: messages.scoped("explorer"), loadCore: explorerCore, idPrefix: prefix});

  function mountExplorerOnce() {
    if (explorerReady) return explorerReady;
    const section = sectionFor("explorer");
    explorerReady = (async () => {
      const load = explorerModules["./explorer/index.js"];
      if (!load) {
        section.hidden = true;
        return;
      }
      try {
        const module = await load();
        if (destroyed) return;
        explorer = mountExplorerWith(module, section);
        explorerModule = module;
        await explorer.ready;
      } catch (error) {
        notices.add("error", () => t("app.errors.explorer", {message: error?.message ?? String(error)}));
      }
    })();
    return explorerReady;
  }

  if (!embedded) {
    for (const name of sections) sectionFor(name);
    root.replaceChildren(...[options.notices ? null : noticesTarget, lessons.element, ...sections.map((name) => elements[name])].filter(Boolean));
    if (elements.classifier && canCompute) mountClassifierOnce();
    if (elements.explorer && canCompute) mountExplorerOnce();
  } else {
    const embed = createEmbedLayout(root, {noticesTarget: options.notices ? null : noticesTarget, lessonPanel: lessons.element});
    const layout = () => {
      if (destroyed) return;
      const {panels, controls} = store.get();
      // The explorer loads on demand; once it is ready the layout runs again to show its chart.
      if (panels.includes("chart") && !explorerReady && canCompute) mountExplorerOnce().then(layout);
      if (panels.some((panel) => TRAINER_PANELS.includes(panel)) && canCompute) mountClassifierOnce();
      for (const section of Object.values(elements)) embed.park(section);
      embed.show({panels, controls, classifierParts: classifier?.parts ?? null, explorerParts: explorer?.parts ?? null});
    };
    layout();
    relayout = layout;
    cleanups.push(
      store.subscribe((state, changed) => {
        if (changed.has("panels") || changed.has("controls")) layout();
      }),
    );
    // An embed trains only while it can be seen, and resumes where it was.
    const observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      classifier?.setOutOfView(!entry.isIntersecting);
    });
    observer.observe(root);
    cleanups.push(() => observer.disconnect());
  }

  // A language switch re-renders every label; the store, the explorer's core and the classifier's
  // worker session (and a training run in it) carry on untouched.
  cleanups.push(
    store.subscribe((state, changed) => {
      if (changed.has("lang")) whenTextsLoaded(state.lang, relabelAll);
    }),
  );
  /** Calls `then` once every wanted lazy namespace is there in `lang` (at once when they are). */
  function whenTextsLoaded(lang, then) {
    const wanted = [...wantedTexts];
    if (hasNamespaces(lang, wanted)) return then();
    loadNamespaces(lang, wanted).then(
      () => whenTextsLoaded(lang, then),
      // Unreachable texts: switch anyway (what is loaded shows in the new language) and say so.
      (error) => {
        notices.add("error", () => t("app.errors.texts", {message: error?.message ?? String(error)}), "texts");
        then();
      },
    );
  }
  function relabelAll() {
    const state = store.get();
    if (destroyed || state.lang === currentLang) return;
    applyLanguage();
    notices.render();
    classifier?.relabel();
    lessons.relabel();
    if (explorer) remountExplorer();
    relayout();
    emit("language", {lang: state.lang, locale: current.locale});
  }

  return {
    id: appId,
    idPrefix: prefix,
    /** Resolves when every section has loaded (or failed, with a notice). */
    get ready() {
      return Promise.all([explorerReady ?? Promise.resolve(), classifier?.ready ?? Promise.resolve()]).then(() => undefined);
    },
    getState: () => store.get(),
    /** The messages of the app's current language ({t, has, locale}); they follow every switch. */
    messages,
    /** Sets part of the state; invalid values are dropped. Returns the keys that changed. */
    setState: (partial) => store.set(partial),
    /** Listens to "state" ({state, changed}), "frame" (the trainer's frame) or "error" ({message}); returns an unsubscribe. */
    on(name, listener) {
      const set = listeners.get(name);
      if (!set) throw new Error(`unknown event ${String(name)}; known: ${EVENTS.join(", ")}`);
      set.add(listener);
      return () => set.delete(listener);
    },
    play: () => classifier?.actions.setPlaying(true),
    pause: () => classifier?.actions.setPlaying(false),
    step: () => classifier?.actions.step(),
    /** How many training sessions and live trainers the page's worker holds (every app's). */
    census: () => classifier?.census() ?? Promise.resolve(null),
    /** The worker core's memory figures (heap in use, wasm memory, JS handles, live trainers), for soaks. */
    workerMemory: () => classifier?.workerMemory() ?? Promise.resolve(null),
    /** The trained model file (JSON text), or null without a trainer. */
    exportModel: () => classifier?.exportModel() ?? Promise.resolve(null),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      classifier?.destroy();
      explorer?.destroy();
      for (const cleanup of cleanups.splice(0)) cleanup();
      for (const set of listeners.values()) set.clear();
      root.replaceChildren();
    },
  };
}

/**
 * The compact view of an embed: the chosen panels in the chosen order, in one grid; the
 * sections that own them stay mounted, parked out of sight, so every view keeps drawing into
 * its own elements. `controls` decides what a reader can change (none, play, all).
 */
function createEmbedLayout(root, {noticesTarget, lessonPanel}) {
  const grid = h("div", {class: "ap-embed-grid"});
  const parking = h("div", {class: "ap-parking", hidden: true});
  // The explorer's styles and colours hang off its .ex container; its chart part keeps one.
  const chartFrame = h("div", {class: "ex ap-embed-chart"});
  root.classList.add("ap-embed");
  root.replaceChildren(...[noticesTarget, lessonPanel, grid, parking].filter(Boolean));
  return {
    park(section) {
      if (section.parentElement !== parking) parking.append(section);
    },
    show({panels, controls, classifierParts, explorerParts}) {
      for (const name of ["none", "play", "all"]) root.classList.toggle(`ap-controls-${name}`, controls === name);
      const shown = [];
      if (classifierParts && controls !== "none" && panels.some((panel) => TRAINER_PANELS.includes(panel))) shown.push(classifierParts.runbar);
      for (const panel of panels) {
        if (panel === "chart") {
          if (!explorerParts) continue;
          chartFrame.replaceChildren(explorerParts.chart);
          shown.push(chartFrame);
        } else if (classifierParts?.[panel]) {
          shown.push(classifierParts[panel]);
        }
      }
      // Parts not shown go back to the parking, inside nothing a reader can reach.
      for (const part of [...grid.children]) if (!shown.includes(part)) parking.append(part);
      grid.replaceChildren(...shown);
      for (const part of shown) {
        const live = controls === "all" || (controls === "play" && part === classifierParts?.runbar);
        part.inert = !live;
      }
      root.dataset.panels = panels.join(",");
    },
  };
}

/** The hash follows the store (replaceState, throttled); a hash typed or pasted by the user updates the store. */
function syncHash(store, root, reportUrlNotices) {
  let timer = null;
  let written = "";
  let lastWrite = -Infinity;
  const write = () => {
    timer = null;
    lastWrite = performance.now();
    written = `#${serialize(store.get(), pageSchema)}`;
    if (location.hash !== written) history.replaceState(history.state, "", written);
  };
  write();
  // A change is written at once (a reload right after it keeps it: the browser reloads the URL
  // of that moment); only a burst (a slider dragged) is written at most every HASH_WRITE_DELAY_MS,
  // as browsers throttle replaceState.
  const unsubscribe = store.subscribe(() => {
    if (timer !== null) return;
    const wait = lastWrite + HASH_WRITE_DELAY_MS - performance.now();
    if (wait <= 0) write();
    else timer = setTimeout(write, wait);
  });
  // Leaving the page (a closed tab, a link followed) within a burst's delay: write the last change now.
  const flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    write();
  };
  window.addEventListener("pagehide", flush);
  const onHashChange = () => {
    if (location.hash === written) return;
    const target = elementForHash(root, location.hash);
    if (target) {
      history.replaceState(history.state, "", written);
      target.scrollIntoView();
      return;
    }
    const next = parse(location.hash, pageSchema);
    reportUrlNotices(next.notices);
    store.set(next.state);
  };
  window.addEventListener("hashchange", onHashChange);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener("hashchange", onHashChange);
    window.removeEventListener("pagehide", flush);
  };
}

/** The element a plain section link (#classifier) names inside root, or null for a state hash. */
export function elementForHash(root, hash) {
  const id = hash.replace(/^#/, "");
  return /^[A-Za-z][\w-]*$/.test(id) ? root.querySelector(`#${CSS.escape(id)}`) : null;
}

/** A notice's text: given as a function, it is written again in the new language after a switch. */
function textOf(notice) {
  return typeof notice.text === "function" ? notice.text() : notice.text;
}

/**
 * The app's notices: at most MAX_NOTICES shown; older ones are merged into one that counts
 * them (a thousand hash changes must not pile up a thousand notices). A notice may carry an
 * action ({label, run}) such as Retry.
 */
function createNotices(target, t, onAdd) {
  let list = [];
  let merged = 0;
  const render = () => {
    const summary = merged > 0 ? [{id: MERGED_NOTICE_ID, kind: "info", text: t("app.notices.merged", {count: merged})}] : [];
    const shown = [...summary, ...list].map((notice) => ({...notice, text: textOf(notice)}));
    drawNotices(target, {notices: shown}, {t, onDismiss: dismiss, onDismissAll: dismissAll});
  };
  const dismissAll = () => {
    list = [];
    merged = 0;
    render();
  };
  const dismiss = (id) => {
    if (id === MERGED_NOTICE_ID) merged = 0;
    list = list.filter((notice) => notice.id !== id);
    render();
  };
  let counter = 0;
  const api = {
    add(kind, text, id = `notice-${++counter}`, action = null) {
      const notice = {id, kind, text, action};
      list = [...list.filter((item) => item.id !== id), notice];
      // One slot goes to the summary; errors outlive information when something must go.
      while (list.length > MAX_NOTICES - 1) {
        const oldest = list.findIndex((item) => item.kind !== "error");
        list.splice(oldest < 0 ? 0 : oldest, 1);
        merged += 1;
      }
      render();
      onAdd(notice);
    },
    dismiss,
    render,
  };
  render();
  return api;
}
