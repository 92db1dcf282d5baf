// A problem said in the reader's language: the core's (and the page's own) errors carry a
// machine-readable `code` and `details` beside an English message; the page writes the message
// of web/messages/<locale>/app.json "errorCodes.<code>" with the details filled in, and falls
// back to the English message for a code it does not know.
import {formatSignificant} from "./format.js";

/**
 * @param {{t: (key: string, vars?: object) => string, has: (key: string) => boolean}} messages  the app's messages
 * @param {{code?: string, details?: object, message?: string}} problem
 */
export function describeProblem({t, has}, problem) {
  const code = problem?.code;
  const key = `app.errorCodes.${code}`;
  if (!code || !has(key)) return problem?.message ?? problem?.reason ?? String(problem);
  const vars = {};
  for (const [name, value] of Object.entries(problem.details ?? {})) vars[name] = typeof value === "number" ? formatSignificant(value, 4) : String(value);
  return t(key, vars);
}
