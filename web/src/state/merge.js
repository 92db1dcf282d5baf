// Merging the schema tables of the page's sections (pure; tested in node).
import {checkSchema} from "./url.js";

/** Concatenates schema tables; a duplicate or broken entry is dropped with a reason. */
export function mergeSchemas(...tables) {
  const merged = [];
  const problems = [];
  const keys = new Set();
  for (const table of tables) {
    for (const entry of table) {
      const entryProblems = checkSchema([entry]);
      if (keys.has(entry.key)) entryProblems.push(`duplicate key ${entry.key}`);
      if (entryProblems.length) {
        problems.push(...entryProblems);
        continue;
      }
      keys.add(entry.key);
      merged.push(entry);
    }
  }
  return {schema: merged, problems};
}
