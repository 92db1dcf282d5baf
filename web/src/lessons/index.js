// Every lesson, in the picker's order. A lesson is data (web/src/lessons/<id>.js):
//   id        its URL name (lesson=<id>)
//   base      the page state every step starts from (URL keys; see web/src/state/README.md)
//   steps     [{state, measure?}]: state is applied over base; measure: the step offers the measurement
//   seeds     the seeds its measurement uses in the page
//   measure(core, {seeds, onProgress}) -> {columns: [{key, format}], rows: [{…}],
//             verdicts: [{key, vars, formats}], chart?, figures}
//             runs trainings through the public library API only (node tests and the lesson worker)
// Its texts live in web/messages/en/lessons.json under its id: summary, steps[i].{title, do,
// watch}, columns.<key>, verdicts.<key> ({name} placeholders filled from vars); its title in
// web/messages/en/lesson-picker.json (titles.<id>), which the first view loads.
// The page loads this module (and every lesson with it) when a lesson is opened; ids.js is what
// the first view needs.
// Adding a lesson: its file, one line here and in ids.js, its messages.
import linearCollapse from "./linear-collapse.js";
import vanishingGradients from "./vanishing-gradients.js";
import saturation from "./saturation.js";
import dyingRelu from "./dying-relu.js";
import zigzag from "./zigzag.js";
import leakyFamily from "./leaky-family.js";
import zeroMean from "./zero-mean.js";
import seluSelfNormalizing from "./selu-self-normalizing.js";
import universalApproximation from "./universal-approximation.js";
import depthExperiment from "./depth-experiment.js";
import smoothGates from "./smooth-gates.js";
import choosing from "./choosing.js";

export const LESSONS = Object.freeze([
  linearCollapse,
  vanishingGradients,
  saturation,
  dyingRelu,
  zigzag,
  leakyFamily,
  zeroMean,
  seluSelfNormalizing,
  universalApproximation,
  depthExperiment,
  smoothGates,
  choosing,
]);

export {LESSON_IDS} from "./ids.js";

/** The lesson called `id`, or null. */
export const lessonById = (id) => LESSONS.find((lesson) => lesson.id === id) ?? null;

/** The page state of step `index` of `lesson`: its base with the step's changes. */
export const stepState = (lesson, index) => ({...lesson.base, ...lesson.steps[index].state});
