// The full page: its static shell (title, header, language switch, in-page links) and one app
// synced with the URL.
import "../styles/main.css";
import "../styles/classifier.css";
import "../styles/embed.css";
import "../styles/lessons.css";
// With the page's styles, so the explorer's chunk does not wait for a stylesheet of its own.
import "../styles/explorer.css";
import {createApp, elementForHash} from "./app.js";
import {createLanguageSwitch} from "./views/language-switch.js";

// A plain section link (#classifier) carries no state: start from defaults, then scroll there.
const sectionLink = /^#[A-Za-z][\w-]*$/.test(location.hash) ? location.hash : null;
const main = document.querySelector("main");
// The trainer first: its run bar, data, network and output make the first screen; the explorer follows.
const app = createApp(main, {
  sections: ["classifier", "explorer"],
  syncUrl: true,
  idPrefix: "",
  notices: document.getElementById("notices"),
  lessonPicker: document.getElementById("lesson-picker"),
  state: sectionLink ? "" : location.hash.replace(/^#/, ""),
});
const {t} = app.messages;
// #embed=1: the page as a compact view for an iframe (no header, footer or explorer list).
document.documentElement.classList.toggle("is-embed", app.getState().embed);
if (sectionLink) elementForHash(main, sectionLink)?.scrollIntoView();
handleInPageLinks(document.body);

const languageSwitch = createLanguageSwitch({t, current: () => app.getState().lang, onChoose: (lang) => app.setState({lang})});
document.querySelector(".site-nav").append(languageSwitch.element);

// The share dialog is loaded and built on first use, with the labels of the moment; a language switch drops it.
let shareDialog = null;
async function openShareDialog(section) {
  if (!shareDialog) {
    const {createShareDialog} = await import("./views/share-dialog.js");
    shareDialog ??= createShareDialog({
      t,
      getState: app.getState,
      pageUrl: () => location.href,
      elementUrl: new URL("./lib/activation-playground-element.mjs", document.baseURI).href,
      exportModel: app.exportModel,
    });
    document.body.append(shareDialog.element);
  }
  return shareDialog.open(section);
}
for (const button of document.querySelectorAll("[data-action=share], [data-action=embed]")) {
  button.addEventListener("click", () => openShareDialog(button.dataset.action));
}

function translatePage() {
  translateStatic(document);
  languageSwitch.update();
  shareDialog?.element.remove();
  shareDialog = null;
}
translatePage();
app.on("language", translatePage);
// For the console and for tests: the page's app handle.
window.activationPlayground = app;

/** Fills elements marked data-i18n="ns.key" (text) and data-i18n-label (aria-label). */
function translateStatic(root) {
  document.documentElement.lang = app.messages.locale;
  document.title = t("app.title");
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-label]")) element.setAttribute("aria-label", t(element.dataset.i18nLabel));
}

/** The hash holds the state, so in-page links scroll instead of replacing it. */
function handleInPageLinks(root) {
  root.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href^='#']");
    const target = link && elementForHash(root, link.getAttribute("href"));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({behavior: "smooth", block: "start"});
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({preventScroll: true});
  });
}
