// A URL key as the page names the setting ("Hidden layers" for "hidden"), for notices about links.
import {clip} from "../ui/dom.js";

/** @param {{t: Function, has: Function}} messages  an unknown key (from a foreign link) is shown clipped, as text */
export function settingName(messages, key) {
  const id = `app.settingNames.${key}`;
  return /^[A-Za-z]\w*$/.test(key) && messages.has(id) ? messages.t(id) : clip(key);
}
