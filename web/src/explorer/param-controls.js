// Parameter sliders of the focused activation: a range input (redraws while dragging),
// a number box for exact values, an "∞" switch where the catalog allows +∞, and a
// reset. Rebuilt only when the focused activation changes, so a drag is never broken.

import {el, isFocused, setText, uid} from "./dom.js";
import {sliderSpec} from "./model.js";
import {formatSignificant} from "../i18n/format.js";

/**
 * Returns {element, update(slot, error)}; `onChange(values)` gets the full parameter set.
 * `check(values)`: null when the core accepts the set, else its reason (a value can be in its
 * own range and still conflict with another parameter, e.g. a lower bound above the upper one).
 */
export function createParamControls({t, onChange, check = () => null}) {
  const heading = el("h3", {class: "ex-heading", text: t("explorer.params.heading")});
  const body = el("div", {class: "ex-params-body"});
  const error = el("p", {class: "ex-error", attrs: {role: "alert", hidden: true}});
  const element = el("section", {class: "ex-card ex-params"}, [heading, body, error]);
  let builtFor = null;
  let rows = [];
  let current = null;

  /** Sends a value on, or refuses it in its row when it conflicts with the others; returns whether it was sent. */
  const commit = (name, value, row) => {
    const values = {...current.params, [name]: value};
    const conflict = check(values);
    if (conflict) {
      const keep = formatSignificant(current.params[name], 4);
      showOnly(row, t("explorer.params.conflict", {name, current: keep, reason: conflict}));
      return false;
    }
    onChange(values);
    return true;
  };

  /** One message at a time: the row's (or none), the other rows' cleared. */
  const showOnly = (row, text) => {
    for (const other of rows) if (other !== row) showProblem(other.number, other.problem, null);
    showProblem(row.number, row.problem, text);
  };

  const build = (slot) => {
    rows = [];
    body.replaceChildren();
    if (!slot.entry.params.length) {
      body.append(el("p", {class: "ex-muted", text: t("explorer.params.none")}));
      return;
    }
    for (const param of slot.entry.params) {
      const spec = sliderSpec(param);
      const labelId = uid("ex-param");
      const rangeId = uid("ex-range");
      const range = el("input", {
        class: "ex-range",
        attrs: {type: "range", id: rangeId, min: spec.lo, max: spec.hi, step: spec.step, "aria-labelledby": labelId},
        dataset: {param: param.name},
      });
      const number = el("input", {
        class: "ex-number",
        attrs: {type: "number", step: "any", inputmode: "decimal", "aria-label": t("explorer.params.exact", {name: param.name})},
      });
      const problemId = uid("ex-param-problem");
      const problem = el("p", {class: "ex-field-error", attrs: {id: problemId, hidden: true}});
      const row = {param, range, number, problem, infinity: null};
      range.addEventListener("input", () => {
        // A conflicting position snaps back to the last valid value.
        if (!commit(param.name, Number(range.value), row)) range.value = String(current.params[param.name]);
      });
      // A value outside the catalog's range is refused in the field itself: never sent to the
      // core, never written to the link, and the chart keeps the last valid curve.
      number.addEventListener("change", () => {
        const text = number.value.trim();
        const value = Number(text);
        const keep = formatSignificant(current.params[param.name], 4);
        let reason = null;
        if (text === "" || Number.isNaN(value)) reason = t("explorer.params.notANumber", {name: param.name, current: keep});
        else if (!(value >= param.min && value <= param.max)) {
          reason = t("explorer.params.outOfRange", {name: param.name, min: formatSignificant(param.min, 4), max: formatSignificant(param.max, 4), current: keep});
        }
        showOnly(row, reason);
        if (!reason) commit(param.name, value, row);
      });
      number.setAttribute("aria-describedby", problemId);
      let infinity = null;
      if (spec.allowInfinity) {
        infinity = el("input", {class: "ex-checkbox", attrs: {type: "checkbox", "aria-label": t("explorer.params.infinityLabel", {name: param.name})}});
        infinity.addEventListener("change", () => {
          const sent = commit(param.name, infinity.checked ? Infinity : Math.min(spec.hi, Number.isFinite(param.default) ? param.default : spec.hi), row);
          if (!sent) infinity.checked = current.params[param.name] === Infinity;
        });
        row.infinity = infinity;
      }
      const range_text = t("explorer.params.range", {
        min: formatSignificant(param.min, 4),
        max: formatSignificant(param.max, 4),
        default: formatSignificant(param.default, 4),
      });
      const rowElement = el("div", {class: "ex-param"}, [
        el("div", {class: "ex-param-head"}, [
          el("label", {class: "ex-param-name", text: param.name, attrs: {id: labelId, for: rangeId}}),
          param.learnable ? el("span", {class: "ex-badge", text: t("explorer.params.learnable")}) : null,
          el("span", {class: "ex-param-range", text: range_text}),
        ]),
        el("div", {class: "ex-param-inputs"}, [
          range,
          number,
          infinity ? el("label", {class: "ex-infinity"}, [infinity, el("span", {text: t("explorer.params.infinity")})]) : null,
        ]),
        problem,
      ]);
      body.append(rowElement);
      rows.push(row);
    }
    const reset = el("button", {class: "ex-button ex-button--small", text: t("explorer.params.reset"), attrs: {type: "button"}});
    reset.addEventListener("click", () => onChange(null));
    body.append(reset);
  };

  return {
    element,
    update(slot, message) {
      current = slot;
      const key = `${slot.index}:${slot.name}`;
      if (builtFor !== key) {
        builtFor = key;
        build(slot);
      }
      for (const {param, range, number, infinity, problem} of rows) {
        const value = slot.params[param.name];
        // While a refused value sits in the focused field, the reader still sees what they typed.
        if (number.getAttribute("aria-invalid") === "true" && isFocused(number)) continue;
        if (value !== undefined) showProblem(number, problem, null);
        const isInfinite = !Number.isFinite(value);
        if (!isInfinite && Number(range.value) !== value) range.value = String(value);
        range.disabled = isInfinite;
        if (!isFocused(number) || Number(number.value) !== value) {
          number.value = isInfinite ? "" : String(value);
        }
        number.disabled = isInfinite;
        number.placeholder = isInfinite ? formatSignificant(value) : "";
        if (infinity) infinity.checked = value === Infinity;
      }
      if (error.hidden !== !message) error.hidden = !message;
      setText(error, message ?? "");
    },
  };
}

function showProblem(input, problem, text) {
  if (text) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
  problem.hidden = !text;
  setText(problem, text ?? "");
}
