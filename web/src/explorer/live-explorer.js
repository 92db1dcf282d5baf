// The live explorer's views, built once the core is there: the catalog list, the chart, the
// parameter controls, the formula, the guide and the depth chart, re-rendered from the store's
// ex* keys. Views draw; only this file writes state. A chunk of its own (explorer/index.js
// imports it when it is needed), so the first view carries only the explorer's preview.

import {el, uid, isFocused, setText, setAttr, replaceIfChanged} from "./dom.js";
import {kDefaultParamsToken, kMaxSlots} from "./schema.js";
import {buildSlots, repairState, encodeParams, bestCaseGain, log10Power} from "./model.js";
import {chartSettings, chartXs, saturationShade, slotCurve} from "./chart-data.js";
import {formatPowerOfTen, formatSignificant} from "../i18n/format.js";
import {createActivationList} from "./activation-list.js";
import {createActivationChart} from "./activation-chart.js";
import {createDepthChart} from "./depth-chart.js";
import {createLegend, lineSample, slotTitle} from "./legend.js";
import {createParamControls} from "./param-controls.js";
import {createPropertiesCard} from "./properties-card.js";
import {createFormula} from "./formula.js";
import {createFrameworks} from "./frameworks.js";
import {createChartExports} from "../exports/explorer-exports.js";
import {createGuide} from "./guide.js";
import {describeProblem} from "../i18n/errors.js";
import {coreRefusal} from "../state/activation-spec.js";
import {pageSchema} from "../state/schema.js";
import {parse} from "../state/url.js";

const kFallbackActivation = "sigmoid";

/** Replaces `status` with the live explorer; returns {teardown, parts}. */
export function buildExplorer(container, status, core, store, t) {
  const catalog = core.activations();
  const byName = new Map(catalog.map((entry) => [entry.name, entry]));
  const fallbackName = byName.has(kFallbackActivation) ? kFallbackActivation : catalog[0]?.name;
  const gainCache = new Map();
  let slots = [];
  let chartData = null;

  /** A core error in the reader's language (translated when the core gives it a code). */
  const problemText = (error) => describeProblem({t, has: t.has}, error);

  // ---- state writers -------------------------------------------------------------
  const state = () => store.get();
  const select = (name) => {
    const s = state();
    const existing = s.exFns.indexOf(name);
    if (existing >= 0) {
      store.set({exActive: existing});
      return;
    }
    const fns = [...s.exFns];
    const params = [...s.exParams];
    fns[s.exActive] = name;
    params[s.exActive] = kDefaultParamsToken;
    store.set({exFns: fns, exParams: params});
  };
  const add = (name) => {
    const s = state();
    if (s.exFns.length >= kMaxSlots) return;
    store.set({exFns: [...s.exFns, name], exParams: [...s.exParams, kDefaultParamsToken], exActive: s.exFns.length});
  };
  const remove = (index) => {
    const s = state();
    if (s.exFns.length <= 1) return;
    const fns = s.exFns.filter((_, i) => i !== index);
    const params = s.exParams.filter((_, i) => i !== index);
    const active = s.exActive > index ? s.exActive - 1 : Math.min(s.exActive, fns.length - 1);
    store.set({exFns: fns, exParams: params, exActive: active});
  };
  const setParams = (values) => {
    const s = state();
    const params = [...s.exParams];
    params[s.exActive] = values ? encodeParams(values) : kDefaultParamsToken;
    store.set({exParams: params});
  };

  // ---- views ---------------------------------------------------------------------
  const list = createActivationList(catalog, {t, onSelect: select, onAdd: add});
  const legend = createLegend({t, onFocus: (i) => store.set({exActive: i}), onRemove: remove});

  const showF = checkbox(t("explorer.chart.showF"), lineSample("neutral"), "ex-toggle-f", (on) => store.set({exShowF: on}));
  const showDf = checkbox(t("explorer.chart.showDf"), lineSample("neutral", true), "ex-toggle-df", (on) => store.set({exShowDf: on}));

  const canvas = el("canvas", {
    class: "ex-chart",
    attrs: {"data-testid": "activation-chart", tabindex: "0", role: "img"},
  });
  const readout = el("div", {class: "ex-readout", attrs: {"aria-live": "polite"}});
  // A live region around the list: role="alert" is not allowed on a <ul> itself.
  const errors = el("ul", {class: "ex-errors"});
  const errorRegion = el("div", {attrs: {role: "alert"}}, [errors]);
  const notices = el("p", {class: "ex-notice", attrs: {hidden: true}});
  // Wheel zoom and mouse-drag pan keep the x-range inside [-1000, 1000] and at least 0.002 wide.
  const setView = (lo, hi) => {
    if (!(hi - lo >= 2e-3) || !Number.isFinite(lo) || !Number.isFinite(hi)) return;
    const span = Math.min(2000, hi - lo);
    const start = Math.min(1000 - span, Math.max(-1000, lo));
    store.set({exXMin: roundTo(start), exXMax: roundTo(start + span)});
  };
  const chart = createActivationChart(canvas, {onHover: (x) => renderReadout(x), onView: setView});

  // x-range
  const xMin = numberField(t("explorer.range.min"), "ex-xmin");
  const xMax = numberField(t("explorer.range.max"), "ex-xmax");
  const rangeError = el("p", {class: "ex-error", attrs: {role: "alert", hidden: true}});
  const commitRange = () => {
    const lo = Number(xMin.input.value);
    const hi = Number(xMax.input.value);
    const ok = xMin.input.value !== "" && xMax.input.value !== "" && Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && lo >= -1000 && hi <= 1000;
    rangeError.hidden = ok;
    rangeError.textContent = ok ? "" : t("explorer.range.invalid");
    if (ok) store.set({exXMin: lo, exXMax: hi});
  };
  xMin.input.addEventListener("change", commitRange);
  xMax.input.addEventListener("change", commitRange);
  const zoom = (factor) => {
    const s = state();
    const mid = (s.exXMin + s.exXMax) / 2;
    const half = Math.min(1000, Math.max(1e-3, ((s.exXMax - s.exXMin) / 2) * factor));
    const lo = Math.max(-1000, roundTo(mid - half));
    const hi = Math.min(1000, roundTo(mid + half));
    if (lo < hi) store.set({exXMin: lo, exXMax: hi});
  };
  const rangeControls = el("fieldset", {class: "ex-fieldset ex-range-controls"}, [
    el("legend", {text: t("explorer.range.legend")}),
    xMin.element,
    xMax.element,
    el("div", {class: "ex-button-row"}, [
      button(t("explorer.range.zoomIn"), () => zoom(0.5), t("explorer.range.zoomInLabel")),
      button(t("explorer.range.zoomOut"), () => zoom(2), t("explorer.range.zoomOutLabel")),
      button(t("explorer.range.reset"), () => store.set({exXMin: -5, exXMax: 5})),
    ]),
    rangeError,
  ]);

  // saturation threshold
  const satId = uid("ex-sat");
  const satInput = el("input", {class: "ex-range", attrs: {type: "range", id: satId, min: 0, max: 0.5, step: 0.005}});
  const satOutput = el("output", {class: "ex-output", attrs: {for: satId}});
  satInput.addEventListener("input", () => store.set({exSatThreshold: Number(satInput.value)}));
  const satControls = el("div", {class: "ex-control"}, [
    el("label", {class: "ex-label", text: t("explorer.saturation.label"), attrs: {for: satId}}),
    el("div", {class: "ex-inline"}, [satInput, satOutput]),
    el("p", {class: "ex-muted ex-note", text: t("explorer.saturation.help")}),
  ]);

  // The core is the judge of a parameter set; its reason in the reader's language when it gives the error a code (param-order, …).
  const checkParams = (values) => {
    const active = slots[state().exActive] ?? slots[0];
    const error = coreRefusal(core, active.name, values);
    return error ? problemText(error) : null;
  };
  const params = createParamControls({t, onChange: setParams, check: checkParams});
  const formula = createFormula({t});
  const properties = createPropertiesCard({t});
  const frameworks = createFrameworks({t});
  const guideHash = (linkState) => `v=1&lang=${state().lang}&${linkState}`;
  const guide = createGuide({
    t,
    core,
    catalog,
    hrefFor: (linkState) => `#${guideHash(linkState)}`,
    // A guide link opens the playground in the state that shows its claim (presentation kept).
    onOpen(link) {
      const s = state();
      store.set({...parse(guideHash(link.state), pageSchema).state, embed: s.embed, panels: s.panels, controls: s.controls, autoplay: s.autoplay});
      const target = link.show === "classifier" ? container.getRootNode().querySelector?.(".section--classifier") : container;
      target?.scrollIntoView({behavior: "smooth", block: "start"});
    },
  });

  // depth
  const depthId = uid("ex-depth");
  const depthInput = el("input", {class: "ex-range", attrs: {type: "range", id: depthId, min: 1, max: 100, step: 1}});
  const depthOutput = el("output", {class: "ex-output", attrs: {for: depthId}});
  depthInput.addEventListener("input", () => store.set({exDepth: Number(depthInput.value)}));
  const depthCanvas = el("canvas", {class: "ex-depth-chart", attrs: {role: "img", "data-testid": "depth-chart"}});
  const depthChart = createDepthChart(depthCanvas);
  const depthText = el("ul", {class: "ex-depth-values"});
  const depthCard = el("section", {class: "ex-card ex-depth"}, [
    el("h3", {class: "ex-heading", text: t("explorer.depth.heading")}),
    el("p", {class: "ex-muted ex-note", text: t("explorer.depth.help")}),
    el("label", {class: "ex-label", text: t("explorer.depth.label"), attrs: {for: depthId}}),
    el("div", {class: "ex-inline"}, [depthInput, depthOutput]),
    depthCanvas,
    depthText,
  ]);

  const toolbar = el("div", {class: "ex-toolbar"}, [
    legend.element,
    el("div", {class: "ex-toggles"}, [showF.element, showDf.element]),
  ]);
  const chartExports = createChartExports({t, canvas, data: () => chartData});
  const chartPart = el("div", {class: "ap-part ap-part--chart"}, [toolbar, el("div", {class: "ex-chart-wrap"}, [canvas]), readout, chartExports, errorRegion]);
  const layout = el("div", {class: "ex-layout"}, [
    el("div", {class: "ex-sidebar", attrs: {role: "region", "aria-label": t("explorer.list.label")}}, [list.element]),
    el("div", {class: "ex-main"}, [
      notices,
      // The part an embed shows as its "chart" panel (see app.js); on the full page it lays out as if unwrapped.
      chartPart,
      el("div", {class: "ex-controls"}, [rangeControls, satControls]),
    ]),
    el("div", {class: "ex-details"}, [params.element, guide.element, formula.element, properties.element, frameworks.element, depthCard]),
  ]);
  status.replaceWith(layout);

  // ---- rendering -----------------------------------------------------------------
  const addNotice = (text) => {
    notices.hidden = false;
    notices.textContent = notices.textContent ? `${notices.textContent} ${text}` : text;
  };

  function renderReadout(x) {
    if (x === null || !chartData) {
      replaceIfChanged(readout, "hint", () => [el("span", {class: "ex-muted", text: t("explorer.readout.hint")})]);
      return;
    }
    const s = state();
    const values = chartData.probe(x);
    const xText = t("explorer.readout.x", {x: formatSignificant(x, 4)});
    const rows = chartData.series.map((series, i) => {
      const v = values[i];
      const parts = [];
      if (s.exShowF) parts.push(t("explorer.readout.f", {value: v ? formatSignificant(v.y, 5) : "\u2014"}));
      if (s.exShowDf) parts.push(t("explorer.readout.df", {value: v ? formatSignificant(v.dy, 5) : "\u2014"}));
      return {slot: series.slot, label: series.label, values: parts.join("  ")};
    });
    replaceIfChanged(readout, JSON.stringify([xText, rows]), () => [
      el("span", {class: "ex-readout-x", text: xText}),
      ...rows.map((row) =>
        el("span", {class: "ex-readout-item"}, [
          lineSample(row.slot),
          el("span", {class: "ex-readout-label", text: row.label}),
          el("span", {class: "ex-readout-values", text: row.values}),
        ]),
      ),
    ]);
  }

  const gainOf = (slot) => {
    const key = `${slot.name}|${encodeParams(slot.params)}`;
    if (!gainCache.has(key)) {
      let gain = null;
      try {
        gain = bestCaseGain(core.evaluate, slot.name, slot.params);
      } catch {
        gain = null;
      }
      if (gainCache.size > 200) gainCache.clear();
      gainCache.set(key, gain);
    }
    return gainCache.get(key);
  };

  const render = () => {
    const s = state();
    const built = buildSlots(s, byName);
    const {unknown} = built;
    const patch = repairState(s, byName, fallbackName, built);
    if (unknown.length) addNotice(t("explorer.unknown", {names: unknown.join(", ")}));
    if (patch) {
      store.set(patch);
      return;
    }
    slots = built.slots;
    const active = slots[s.exActive] ?? slots[0];

    const xs = chartXs(s);
    const series = [];
    const criticalOf = new Map();
    for (const slot of slots) {
      slot.error = null;
      let curve = null;
      try {
        curve = slotCurve(core, slot, xs, s.exXMin, s.exXMax);
      } catch (error) {
        slot.error = problemText(error);
        continue;
      }
      criticalOf.set(slot.index, curve.critical?.map((point) => point.x) ?? null);
      series.push({slot: slot.index, label: slotTitle(slot), active: slot === active, xs, y: curve.y, dy: curve.dy, critical: curve.critical ?? []});
    }

    // A parameter set from a link that the core refuses goes back to the defaults, with a notice,
    // so the link never keeps an invalid value and the chart shows a curve.
    const refused = slots.filter((slot) => slot.error && Object.keys(slot.values).length);
    if (refused.length) {
      addNotice(t("explorer.params.linkRefused", {names: refused.map((slot) => t("explorer.params.withReason", {name: slot.entry.label, reason: slot.error})).join(", ")}));
      store.set({exParams: s.exParams.map((token, i) => (refused.some((slot) => slot.index === i) ? kDefaultParamsToken : token))});
      return;
    }

    const activeSeries = series.find((x) => x.slot === active.index);
    const shade = activeSeries ? saturationShade(xs, activeSeries.dy, s.exSatThreshold) : [];

    const probe = (x) =>
      series.map((ser) => {
        const slot = slots[ser.slot];
        try {
          const r = core.evaluate(slot.name, slot.params, [x]);
          return {y: r.y[0], dy: r.dy[0]};
        } catch {
          return null;
        }
      });
    chartData = {...chartSettings(s), series, shade, probe};
    chart.update(chartData);
    setAttr(
      canvas,
      "aria-label",
      t("explorer.chart.label", {names: slots.map(slotTitle).join(", "), min: formatSignificant(s.exXMin), max: formatSignificant(s.exXMax)}),
    );

    const errorTexts = slots.filter((slot) => slot.error).map((slot) => `${slot.entry.label}: ${slot.error}`);
    replaceIfChanged(errors, errorTexts.join("\n"), () => errorTexts.map((text) => el("li", {text})));
    legend.update({slots, activeIndex: active.index});
    list.update({slots, activeIndex: active.index, canAdd: slots.length < kMaxSlots});
    if (showF.input.checked !== s.exShowF) showF.input.checked = s.exShowF;
    if (showDf.input.checked !== s.exShowDf) showDf.input.checked = s.exShowDf;
    syncNumber(xMin.input, s.exXMin);
    syncNumber(xMax.input, s.exXMax);
    syncValue(satInput, String(Math.min(0.5, s.exSatThreshold)));
    setText(satOutput, s.exSatThreshold > 0 ? formatSignificant(s.exSatThreshold, 3) : t("explorer.saturation.off"));

    params.update(active, active.error);
    formula.update(active.entry);
    properties.update(active, criticalOf.has(active.index) ? criticalOf.get(active.index) : null);
    frameworks.update(active.entry);
    guide.update(active.name);

    syncValue(depthInput, String(s.exDepth));
    setText(depthOutput, String(s.exDepth));
    const gains = slots.map((slot) => ({slot, gain: slot.error ? null : gainOf(slot)}));
    depthChart.update({
      depth: s.exDepth,
      series: gains.filter((g) => g.gain).map((g) => ({slot: g.slot.index, log10m: log10Power(g.gain.max, 1)})),
    });
    setAttr(depthCanvas, "aria-label", t("explorer.depth.chartLabel", {depth: s.exDepth}));
    const depthLines = gains.map(({slot, gain}) => ({
      slot: slot.index,
      text: gain
        ? t(gain.at === null ? "explorer.depth.valueFlat" : "explorer.depth.value", {
            label: slotTitle(slot),
            max: formatSignificant(gain.max, 4),
            at: gain.at === null ? "" : formatSignificant(gain.at, 3),
            depth: s.exDepth,
            product: formatPower(gain.max, s.exDepth),
          })
        : t("explorer.depth.unavailable", {label: slotTitle(slot)}),
    }));
    replaceIfChanged(depthText, JSON.stringify(depthLines), () =>
      depthLines.map((line) => el("li", {class: "ex-depth-value"}, [lineSample(line.slot), el("span", {text: line.text})])),
    );
  };

  const unsubscribe = store.subscribe((_, changed) => {
    if (!changed || [...changed].some((key) => key.startsWith("ex"))) render();
  });
  render();

  const teardown = () => {
    unsubscribe();
    chart.destroy();
    formula.destroy();
    guide.destroy();
    depthChart.destroy();
    list.destroy();
    legend.destroy();
  };
  return {teardown, parts: {chart: chartPart}};
}

/** m^n written without overflow: exponent form from logarithms when needed. */
function formatPower(m, n) {
  const value = m ** n;
  if (value !== 0 && Number.isFinite(value)) return formatSignificant(value, 4);
  if (m === 0) return "0";
  return formatPowerOfTen(n * Math.log10(m));
}

function roundTo(v) {
  return Number(v.toPrecision(6));
}

/** Shows a state value in a text box, unless the user is typing in it. */
function syncNumber(input, value) {
  if (!isFocused(input) && input.value !== String(value)) input.value = String(value);
}

function syncValue(input, value) {
  if (input.value !== value) input.value = value;
}

function checkbox(text, sample, className, onChange) {
  const input = el("input", {class: "ex-checkbox", attrs: {type: "checkbox"}});
  input.addEventListener("change", () => onChange(input.checked));
  const element = el("label", {class: `ex-toggle ${className}`}, [input, sample, el("span", {text})]);
  return {element, input};
}

function numberField(text, className) {
  const id = uid("ex-num");
  const input = el("input", {class: `ex-number ${className}`, attrs: {type: "number", id, step: "any", inputmode: "decimal"}});
  const element = el("div", {class: "ex-field"}, [el("label", {class: "ex-label", text, attrs: {for: id}}), input]);
  return {element, input};
}

function button(text, onClick, label) {
  const node = el("button", {class: "ex-button", text, attrs: {type: "button", "aria-label": label ?? null, title: label ?? null}});
  node.addEventListener("click", onClick);
  return node;
}
