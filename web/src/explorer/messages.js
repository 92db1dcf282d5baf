// The explorer's texts (web/messages/<locale>/explorer.json, both languages) travel in the
// explorer's chunk, not in the page's entry script: nothing else shows them, and the chunk is
// preloaded with the first screen, so they cost no request of their own.
import {addMessageFiles} from "../i18n/load.js";

addMessageFiles(import.meta.glob("../../messages/*/explorer.json", {eager: true, import: "default"}));
