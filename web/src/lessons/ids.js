// The lessons' ids, in the picker's order: all the first view needs of them (the URL schema
// checks lesson=<id>, the picker names each one). Their steps and measurements (index.js) are
// loaded when a lesson is opened. tests/js/lessons.test.mjs checks this list against LESSONS.
export const LESSON_IDS = Object.freeze([
  "linear-collapse",
  "vanishing-gradients",
  "saturation",
  "dying-relu",
  "zigzag",
  "leaky-family",
  "zero-mean",
  "selu-self-normalizing",
  "universal-approximation",
  "depth-experiment",
  "smooth-gates",
  "choosing",
]);
