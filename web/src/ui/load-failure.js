// Why the core did not load, in a few words for a notice: the HTTP status, or that the bytes
// are not WebAssembly — never Emscripten's "Aborted(CompileError … -s ASSERTIONS=1 …)".
import {clip} from "./dom.js";

export function loadFailureReason(message) {
  const text = String(message ?? "");
  const http = /HTTP (\d{3})/.exec(text);
  if (http) return `HTTP ${http[1]}`;
  if (/CompileError|magic word|expected magic/i.test(text)) return "not a valid WebAssembly file";
  if (/fetch|network/i.test(text)) return "network error";
  return clip(text.replace(/^Aborted\(|\)$/g, "").replace(/\s*\(?Build with -s ASSERTIONS=1.*$/s, ""));
}
