// The lesson keys of the page state: written only when a lesson is open, so links made before
// lessons existed read exactly as before; accepted from a link and from the element's attributes.
import {test} from "node:test";
import assert from "node:assert/strict";
import {pageSchema} from "../../web/src/state/schema.js";
import {parse, serialize} from "../../web/src/state/url.js";
import {stateFromAttributes} from "../../web/src/embed/attributes.js";
import {LESSONS, stepState} from "../../web/src/lessons/index.js";

test("a link without lesson keys opens no lesson, and a state without a lesson writes none", () => {
  const {state, notices} = parse("v=1&dataset=xor&lr=0.1", pageSchema);
  assert.equal(state.lesson, "");
  assert.equal(state.lessonStep, 0);
  assert.deepEqual(notices, []);
  assert.doesNotMatch(serialize(state, pageSchema), /lesson/);
});

test("lesson and lessonStep round-trip through the link", () => {
  const {state} = parse("v=1&lesson=dying-relu&lessonStep=2", pageSchema);
  assert.equal(state.lesson, "dying-relu");
  assert.equal(state.lessonStep, 2);
  assert.match(serialize(state, pageSchema), /lesson=dying-relu&lessonStep=2/);
  assert.deepEqual(parse(serialize(state, pageSchema), pageSchema).state, state);
});

test("an unknown lesson falls back to none with a notice", () => {
  const {state, notices} = parse("v=1&lesson=no-such-lesson", pageSchema);
  assert.equal(state.lesson, "");
  assert.deepEqual(notices.map((notice) => [notice.key, notice.reason]), [["lesson", "malformed"]]);
});

test("the element takes a lesson attribute", () => {
  const {state, notices} = stateFromAttributes([["lesson", "dying-relu"], ["lesson-step", "1"]], {warn: () => {}});
  assert.deepEqual(state, {lesson: "dying-relu", lessonStep: 1});
  assert.deepEqual(notices, []);
});

test("every step's state is one the page schema accepts unchanged", () => {
  const defaults = parse("", pageSchema).state;
  for (const lesson of LESSONS) {
    for (let step = 0; step < lesson.steps.length; step++) {
      const state = {...defaults, ...stepState(lesson, step)};
      const reparsed = parse(serialize(state, pageSchema), pageSchema);
      assert.deepEqual(reparsed.notices, [], `${lesson.id} step ${step}`);
      for (const key of Object.keys(stepState(lesson, step))) assert.deepEqual(reparsed.state[key], state[key], `${lesson.id} step ${step}: ${key}`);
    }
  }
});
