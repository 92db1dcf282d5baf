// The lesson player: a picker and a panel over an app's store. Opening a lesson or moving to a
// step sets that step's state (through the store, as any control does); leaving sets only
// lesson = "" and keeps every other setting for free play. A measuring step runs the lesson's
// measurement in the lesson worker and shows its table and verdicts (lesson-panel.js).
// The first view needs only the picker (ids.js, the titles in messages lesson-picker.json); the
// lessons' code (lesson-panel.js with index.js) and texts (messages lessons.json) are loaded when a
// lesson is opened, from the picker, a link or the element's attribute. The panel shows once
// both are there, so it never shows a step half-translated.
// Marks for tests: the root's data-lesson and data-step (set when the step is drawn); the
// measurement's data-state (idle, running, done, error).
import {h} from "../ui/dom.js";
import {LESSON_IDS} from "./ids.js";

let panelCode = null;
const loadPanelCode = () =>
  (panelCode ??= import("./lesson-panel.js").catch((error) => {
    panelCode = null;
    throw error;
  }));

/**
 * @param {{store, messages: {t, has, ensure}, libUrl: string, embedded: boolean, idPrefix: string, pickerTarget: HTMLElement | null}} options
 *   pickerTarget: where the picker goes (the page's header), so it costs the first screen nothing
 * @returns {{element: HTMLElement, opening: Promise<void> | null, relabel(): void, destroy(): void}}
 */
export function mountLessonPlayer({store, messages, libUrl, embedded, idPrefix, pickerTarget}) {
  const {t} = messages;
  const element = h("section", {class: "lesson", "data-lesson": "", "data-step": ""});
  const pickerId = `${idPrefix}lesson-picker`;
  const picker = h("select", {id: pickerId, class: "lesson-picker", onChange: () => open(picker.value)});
  // In the header the picker names itself ("Lessons…"); its label is for screen readers only.
  const pickerLabel = h("label", {for: pickerId, class: pickerTarget ? "visually-hidden" : null});
  const pickerRow = embedded ? null : h("div", {class: "lesson-pick"}, [pickerLabel, picker]);
  /** The labels that are not redrawn with the panel (again after a language switch). */
  const label = () => {
    element.setAttribute("aria-label", t("lesson-picker.label"));
    pickerLabel.textContent = t("lesson-picker.label");
    const selected = picker.value;
    picker.replaceChildren(
      h("option", {value: "", text: t(pickerTarget ? "lesson-picker.headerNone" : "lesson-picker.none")}),
      ...LESSON_IDS.map((id) => h("option", {value: id, text: t(`lesson-picker.titles.${id}`)})),
    );
    picker.value = selected;
  };
  label();
  const panel = h("div", {class: "lesson-panel", hidden: true});
  if (pickerTarget && pickerRow) pickerTarget.replaceChildren(pickerRow);
  element.replaceChildren(...[pickerTarget ? null : pickerRow, panel].filter(Boolean));
  if (embedded) element.hidden = true;

  /** The lessons' code ({lessonById, stepState}) and the panel, once loaded. */
  let code = null;
  let view = null;
  let loading = null;
  let destroyed = false;
  /** Calls `then` once the lessons' code and texts are there (at once when they are); resolves after it, or after a failed load. */
  function whenLoaded(then) {
    if (view) {
      then();
      return Promise.resolve();
    }
    loading ??= Promise.all([loadPanelCode(), messages.ensure("lessons")]).then(
      ([module]) => {
        if (destroyed) return;
        code = module;
        view ??= module.createLessonPanel({panel, messages, libUrl, embedded, idPrefix, go, leave});
      },
      (error) => {
        loading = null;
        // Said where the lesson would have been, when one was asked for (not after a mere hover on the picker).
        if (!store.get().lesson && !picker.value) return;
        element.hidden = false;
        panel.hidden = false;
        panel.replaceChildren(h("p", {class: "lesson-error", role: "alert", text: t("app.errors.texts", {message: error?.message ?? String(error)})}));
      },
    );
    return loading.then(() => {
      if (view) then();
    });
  }
  // A reader reaching for the picker will likely open a lesson: its code and texts start loading then.
  const prepare = () => whenLoaded(() => {});
  picker.addEventListener("pointerenter", prepare, {once: true});
  picker.addEventListener("focus", prepare, {once: true});
  const lessonOf = (id) => (code && id ? code.lessonById(id) : null);

  function open(id) {
    if (!id) return leave();
    whenLoaded(() => store.set({...code.stepState(lessonOf(id), 0), lesson: id, lessonStep: 0}));
  }
  function go(step) {
    const lesson = lessonOf(store.get().lesson);
    if (lesson) store.set({...code.stepState(lesson, step), lessonStep: step});
  }
  function leave() {
    view?.cancelRunning();
    store.set({lesson: "", lessonStep: 0});
  }
  /** The open lesson's step state over the store (a link, a picker or the element's attribute set lesson / lessonStep). */
  function applyStep() {
    const lesson = lessonOf(store.get().lesson);
    if (!lesson) return;
    const step = Math.min(store.get().lessonStep, lesson.steps.length - 1);
    store.set({...code.stepState(lesson, step), lessonStep: step});
  }

  function render() {
    const {lesson: id, lessonStep} = store.get();
    const lesson = lessonOf(id);
    picker.value = LESSON_IDS.includes(id) ? id : "";
    if (embedded || pickerTarget) element.hidden = !lesson;
    panel.hidden = !lesson;
    element.dataset.lesson = lesson ? lesson.id : "";
    if (!lesson) {
      view?.clear();
      element.dataset.step = "";
      return;
    }
    const step = Math.min(lessonStep, lesson.steps.length - 1);
    view.show(lesson, step);
    element.dataset.step = String(step);
  }

  const unsubscribe = store.subscribe((state, changed) => {
    if (!changed.has("lesson") && !changed.has("lessonStep")) return;
    if (!state.lesson) return render();
    // A lesson or step set from outside (a pasted link, the element's attribute) applies its state too.
    whenLoaded(() => {
      applyStep();
      render();
    });
  });
  // A link that opens a lesson opens it at its step.
  const opening = store.get().lesson
    ? whenLoaded(() => {
        applyStep();
        render();
      })
    : null;
  render();

  return {
    element,
    /** With a lesson in the starting state: resolves once its step is drawn (or its load failed); else null. */
    opening,
    /** Writes every label again in the language of the moment; a running measurement carries on. */
    relabel() {
      label();
      view?.forget();
      render();
    },
    destroy() {
      destroyed = true;
      unsubscribe();
      pickerRow?.remove();
      view?.destroy();
    },
  };
}
