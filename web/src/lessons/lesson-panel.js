// A lesson's panel: the open step (its texts, a link to the section it is about, Back / Next /
// Leave) and a measuring step's measurement, run in the lesson worker, with its table, chart and
// verdicts. Loaded with every lesson's code when a lesson is first opened (player.js).
import {h} from "../ui/dom.js";
import {lessonById, stepState} from "./index.js";
import {runMeasurement} from "./measure-client.js";
import {formatValue, verdictVars} from "./format.js";
import {drawChart} from "./chart.js";
import {formatFixed} from "../i18n/format.js";

export {lessonById, stepState};

/**
 * @param {{panel: HTMLElement, messages: {t, has}, libUrl: string, embedded: boolean, idPrefix: string,
 *   go: (step: number) => void, leave: () => void}} options
 * @returns {{show(lesson, step: number): void, clear(): void, cancelRunning(): void, destroy(): void}}
 */
export function createLessonPanel({panel, messages, libUrl, embedded, idPrefix, go, leave}) {
  const {t} = messages;
  /** Measurements by lesson id, kept while the page lives: {state, done, total, result, ms, error, run}. */
  const measurements = new Map();
  let shown = {id: null, step: -1};
  let measurementBox = null;

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

  /** The section a step's state is about: the explorer when it sets explorer keys (ex…), else the classifier; none for a measurement. */
  function sectionOf(step) {
    if (step.measure) return null;
    return Object.keys(step.state).some((key) => key.startsWith("ex")) ? "explorer" : "classifier";
  }

  return {
    /** Shows step `step` of `lesson` (nothing to do when it is already shown). */
    show(lesson, step) {
      if (shown.id === lesson.id && shown.step === step) return;
      shown = {id: lesson.id, step};
      const key = (name) => `lessons.${lesson.id}.steps.${step}.${name}`;
      const count = lesson.steps.length;
      measurementBox = lesson.steps[step].measure ? h("div", {class: "lesson-measurement", "data-state": "idle"}) : null;
      const section = sectionOf(lesson.steps[step]);
      const goThere = !embedded && section ? h("p", {class: "lesson-goto"}, [h("a", {href: `#${idPrefix}${section}`, text: t(`lessons.goto.${section}`)})]) : null;
      const parts = [
        h("h2", {class: "lesson-title", text: t("lessons.panelTitle", {title: t(`lesson-picker.titles.${lesson.id}`)})}),
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
    },
    /** Empties the panel (no lesson open). */
    clear() {
      shown = {id: null, step: -1};
      measurementBox = null;
      panel.replaceChildren();
    },
    /** Draws the shown step again at its next show (after a language switch). */
    forget() {
      shown = {id: null, step: -1};
    },
    cancelRunning,
    destroy() {
      cancelRunning();
      measurements.clear();
    },
  };
}
