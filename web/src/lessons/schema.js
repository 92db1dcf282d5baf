// The lesson keys of the page state: which lesson is open (none by default) and its step.
// Both are written only when set (omitDefault), so every older link reads as before.
import {LESSON_IDS} from "./ids.js";

export const lessonSchema = [
  {key: "lesson", type: "enum", values: ["", ...LESSON_IDS], default: "", omitDefault: true},
  {key: "lessonStep", type: "int", min: 0, max: 9, default: 0, omitDefault: true},
];
