// Bundles every web/messages/en/*.json into one catalog, keyed by file name.
import {createMessages} from "./messages.js";

const files = import.meta.glob("../../messages/en/*.json", {eager: true, import: "default"});

export function loadMessages() {
  const catalog = {};
  for (const [path, content] of Object.entries(files)) {
    const namespace = path.slice(path.lastIndexOf("/") + 1, -".json".length);
    catalog[namespace] = content;
  }
  return createMessages(catalog, "en");
}
