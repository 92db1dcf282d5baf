// The lesson player: a picker and a panel over an app's store. Opening a lesson or moving to a
// step sets that step's state (through the store, as any control does); leaving sets only
// lesson = "" and keeps every other setting for free play. A measuring step runs the lesson's
// measurement in the lesson worker and shows its table and verdicts.
// Marks for tests: the root's data-lesson and data-step; the measurement's data-state
// (idle, running, done, error).
import {h} from "../ui/dom.js";
import {LESSONS, lessonById, stepState} from "./index.js";
import {runMeasurement} from "./measure-client.js";
import {formatValue, verdictVars} from "./format.js";
import {drawChart} from "./chart.js";
import {formatFixed} from "../i18n/format.js";

/**
 * @param {{store, messages: {t}, libUrl: string, embedded: boolean, idPrefix: string, pickerTarget: HTMLElement | null}} options
 *   pickerTarget: where the picker goes (the page's header), so it costs the first screen nothing
 * @returns {{element: HTMLElement, destroy(): void}}
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
    element.setAttribute("aria-label", t("lessons.picker"));
    pickerLabel.textContent = t("lessons.picker");
    const selected = picker.value;
    picker.replaceChildren(
      h("option", {value: "", text: t(pickerTarget ? "lessons.headerNone" : "lessons.none")}),
      ...LESSONS.map((lesson) => h("option", {value: lesson.id, text: t(`lessons.${lesson.id}.title`)})),
    );
    picker.value = selected;
  };
  label();
  const panel = h("div", {class: "lesson-panel", hidden: true});
  if (pickerTarget && pickerRow) pickerTarget.replaceChildren(pickerRow);
  element.replaceChildren(...[pickerTarget ? null : pickerRow, panel].filter(Boolean));
  if (embedded) element.hidden = true;

  /** Measurements by lesson id, kept while the page lives: {state, done, total, result, ms, error, run}. */
  const measurements = new Map();
  let shown = {id: null, step: -1};

  function open(id) {
    if (!id) return leave();
    store.set({...stepState(lessonById(id), 0), lesson: id, lessonStep: 0});
  }
  function go(step) {
    const lesson = lessonById(store.get().lesson);
    if (lesson) store.set({...stepState(lesson, step), lessonStep: step});
  }
  function leave() {
    cancelRunning();
    store.set({lesson: "", lessonStep: 0});
  }
  function cancelRunning() {
    for (const [id, entry] of measurements) {
      if (entry.state !== "running") continue;
      entry.run.cancel();
      measurements.delete(id);
    }
  }

  function measure(lesson) {
    cancelRunning();
    const entry = {state: "running", done: 0, total: 0};
    measurements.set(lesson.id, entry);
    entry.run = runMeasurement({
      libUrl,
      id: lesson.id,
      onProgress: ({done, total}) => {
        Object.assign(entry, {done, total});
        renderMeasurement(lesson);
      },
    });
    entry.run.done.then(
      ({result, ms}) => Object.assign(entry, {state: "done", result, ms}),
      (error) => {
        if (error.cancelled) return;
        Object.assign(entry, {state: "error", error: error.message});
      },
    ).then(() => renderMeasurement(lesson));
    renderMeasurement(lesson);
  }

  let measurementBox = null;
  function renderMeasurement(lesson) {
    if (!measurementBox || shown.id !== lesson.id) return;
    const entry = measurements.get(lesson.id) ?? {state: "idle"};
    measurementBox.dataset.state = entry.state;
    const button = h("button", {type: "button", class: "lesson-measure", disabled: entry.state === "running", onClick: () => measure(lesson), text: t(entry.state === "done" ? "lessons.measureAgain" : "lessons.measure")});
    const parts = [button];
    if (entry.state === "running") {
      parts.push(h("p", {class: "lesson-progress", role: "status"}, [h("progress", {max: String(entry.total || 1), value: String(entry.done)}), " ", t("lessons.measuring", {done: entry.done, total: entry.total || "…"})]));
    } else if (entry.state === "error") {
      parts.push(h("p", {class: "lesson-error", role: "alert", text: t("lessons.measureFailed", {message: entry.error})}));
    } else if (entry.state === "done") {
      const {chart} = entry.result;
      const chartLabel = chart && t("lessons.chartLabel", {y: columnTitle(lesson, Array.isArray(chart.y) ? "accuracy" : chart.y), x: columnTitle(lesson, chart.x)});
      const seriesLabel = (name) => (chart && Array.isArray(chart.y) ? columnTitle(lesson, name) : String(name));
      parts.push(resultTable(lesson, entry.result), chart ? drawChart(entry.result.rows, chart, {label: chartLabel, xLabel: columnTitle(lesson, chart.x), seriesLabel}) : null, verdictList(lesson, entry.result));
      const time = entry.ms < 1000 ? t("lessons.milliseconds", {ms: Math.max(1, Math.round(entry.ms))}) : t("lessons.seconds", {seconds: formatFixed(entry.ms / 1000, {decimals: 1})});
      const seeds = entry.result.seeds.length ? t("lessons.overSeeds", {seeds: entry.result.seeds.join(", ")}) : "";
      parts.push(h("p", {class: "lesson-note", text: t("lessons.measured", {time, seeds})}));
    }
    measurementBox.replaceChildren(...parts.filter(Boolean));
  }

  const columnTitle = (lesson, key) => {
    const own = `lessons.${lesson.id}.columns.${key}`;
    return messages.has(own) ? t(own) : t(`lessons.common.columns.${key}`);
  };
  function resultTable(lesson, result) {
    return h("div", {class: "lesson-table-wrap"}, [
      h("table", {class: "lesson-table"}, [
        h("caption", {text: t("lessons.tableCaption")}),
        h("thead", {}, [h("tr", {}, result.columns.map((column) => h("th", {scope: "col", text: columnTitle(lesson, column.key)})))]),
        h("tbody", {}, result.rows.map((row) => h("tr", {}, result.columns.map((column) => h("td", {class: column.format === "text" || column.format === "message" ? "" : "num", text: formatValue(row[column.key], column.format, t)}))))),
      ]),
    ]);
  }
  function verdictList(lesson, result) {
    return h("div", {class: "lesson-verdicts"}, [
      h("h4", {text: t("lessons.verdictTitle")}),
      ...result.verdicts.map((verdict) => h("p", {"data-verdict": verdict.key, text: t(`lessons.${lesson.id}.verdicts.${verdict.key}`, verdictVars(verdict, t))})),
    ]);
  }

  function render() {
    const {lesson: id, lessonStep} = store.get();
    const lesson = lessonById(id);
    picker.value = lesson ? lesson.id : "";
    if (embedded || pickerTarget) element.hidden = !lesson;
    panel.hidden = !lesson;
    element.dataset.lesson = lesson ? lesson.id : "";
    if (!lesson) {
      shown = {id: null, step: -1};
      measurementBox = null;
      panel.replaceChildren();
      element.dataset.step = "";
      return;
    }
    const step = Math.min(lessonStep, lesson.steps.length - 1);
    if (shown.id === lesson.id && shown.step === step) return;
    shown = {id: lesson.id, step};
    element.dataset.step = String(step);
    const key = (name) => `lessons.${lesson.id}.steps.${step}.${name}`;
    const count = lesson.steps.length;
    measurementBox = lesson.steps[step].measure ? h("div", {class: "lesson-measurement", "data-state": "idle"}) : null;
    const section = sectionOf(lesson.steps[step]);
    const goThere = !embedded && section ? h("p", {class: "lesson-goto"}, [h("a", {href: `#${idPrefix}${section}`, text: t(`lessons.goto.${section}`)})]) : null;
    const parts = [
      h("h2", {class: "lesson-title", text: t("lessons.panelTitle", {title: t(`lessons.${lesson.id}.title`)})}),
      h("p", {class: "lesson-summary", text: t(`lessons.${lesson.id}.summary`)}),
      h("p", {class: "lesson-step-count", text: t("lessons.stepOf", {step: step + 1, count})}),
      h("h3", {class: "lesson-step-title", text: t(key("title"))}),
      h("dl", {class: "lesson-step"}, [h("dt", {text: t("lessons.do")}), h("dd", {text: t(key("do"))}), h("dt", {text: t("lessons.watch")}), h("dd", {text: t(key("watch"))})]),
      goThere,
      measurementBox,
      h("div", {class: "lesson-nav"}, [
        h("button", {type: "button", class: "lesson-back", disabled: step === 0, onClick: () => go(step - 1), text: t("lessons.back")}),
        h("button", {type: "button", class: "lesson-next", disabled: step === count - 1, onClick: () => go(step + 1), text: t("lessons.next")}),
        h("button", {type: "button", class: "lesson-leave", title: t("lessons.leaveHint"), onClick: leave, text: t("lessons.leave")}),
      ]),
    ];
    panel.replaceChildren(...parts.filter(Boolean));
    if (measurementBox) renderMeasurement(lesson);
  }

  /** The section a step's state is about: the explorer when it sets explorer keys (ex…), else the classifier; none for a measurement. */
  function sectionOf(step) {
    if (step.measure) return null;
    return Object.keys(step.state).some((key) => key.startsWith("ex")) ? "explorer" : "classifier";
  }

  const unsubscribe = store.subscribe((state, changed) => {
    // A lesson or step set from outside (a pasted link, the element's attribute) applies its state too.
    if ((changed.has("lesson") || changed.has("lessonStep")) && lessonById(state.lesson)) {
      const lesson = lessonById(state.lesson);
      const step = Math.min(state.lessonStep, lesson.steps.length - 1);
      store.set({...stepState(lesson, step), lessonStep: step});
    }
    if (changed.has("lesson") || changed.has("lessonStep")) render();
  });
  // A link that opens a lesson opens it at its step.
  const initial = lessonById(store.get().lesson);
  if (initial) store.set(stepState(initial, Math.min(store.get().lessonStep, initial.steps.length - 1)));
  render();

  return {
    element,
    /** Writes every label again in the language of the moment; a running measurement carries on. */
    relabel() {
      label();
      shown = {id: null, step: -1};
      render();
    },
    destroy() {
      unsubscribe();
      pickerRow?.remove();
      for (const entry of measurements.values()) if (entry.state === "running") entry.run.cancel();
      measurements.clear();
    },
  };
}
