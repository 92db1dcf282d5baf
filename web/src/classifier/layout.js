// The classifier's elements: panels, parts an embed can show alone, the legend, and the marks
// that say which frame and epoch were drawn (for callers and tests waiting on an exact state).
import {h, replaceIfChanged, uid} from "../ui/dom.js";
import {CLASS_SHAPES} from "../ui/palette.js";
import {tip} from "../ui/icons.js";

/**
 * Says which frame the section last drew (configuration token, frame number, edits applied), so
 * a caller or a test can wait for the exact state it means rather than for "something changed".
 */
export function markFrame(root, frame) {
  if (!frame) return;
  root.dataset.token = frame.token;
  root.dataset.seq = frame.seq;
  root.dataset.edits = frame.edits;
}

/** Says which epoch a lazily drawn panel shows (none until it has drawn real data). */
export function markDrawn(target, metrics) {
  if (metrics) target.dataset.epoch = metrics.epoch;
  else delete target.dataset.epoch;
}

export function drawLegend(target, classes, regression, t) {
  replaceIfChanged(target, `${classes}:${regression}`, () => legendItems(classes, regression, t));
}

function legendItems(classes, regression, t) {
  const items = regression
    ? [
        h("li", {}, [h("span", {class: "shape shape--circle c-0", "aria-hidden": "true"}), t("classifier.targetNegative")]),
        h("li", {}, [h("span", {class: "shape shape--circle c-1", "aria-hidden": "true"}), t("classifier.targetPositive")]),
      ]
    : Array.from({length: Math.max(2, classes)}, (_, c) => h("li", {}, [h("span", {class: `shape shape--${CLASS_SHAPES[c]} c-${c}`, "aria-hidden": "true"}), t("classifier.classN", {n: c + 1})]));
  items.push(h("li", {}, [h("span", {class: "shape shape--circle is-hollow", "aria-hidden": "true"}), t("classifier.testPoint")]));
  return items;
}

export function buildLayout(root, t, store, idPrefix, cleanups) {
  const panel = (kind, title, children, help) =>
    h("section", {class: `panel panel--${kind}`, "aria-labelledby": `${idPrefix}panel-${kind}`}, [
      h("div", {class: "panel-head"}, [h("h3", {id: `${idPrefix}panel-${kind}`, text: title}), help ? tip(help, t) : null]),
      ...children,
    ]);
  const dom = {
    toolbar: h("div", {class: "runbar", role: "toolbar", "aria-label": t("classifier.runbar")}),
    datasets: h("div", {class: "datasets"}),
    dataControls: h("div", {class: "data-controls"}),
    networkSettings: h("div", {class: "network-settings"}),
    diagram: h("div", {class: "diagram"}),
    inspector: h("div", {class: "inspector", hidden: true}),
    metrics: h("div", {class: "metrics-box"}),
    divergence: h("div", {class: "divergence", hidden: true}),
    boundary: h("canvas", {class: "boundary-canvas", "data-testid": "boundary", role: "img", "aria-label": t("classifier.boundaryLabel")}),
    boundaryCaption: h("figcaption", {class: "caption"}),
    colourScale: h("div", {class: "colour-scale", "data-testid": "colour-scale"}),
    legend: h("ul", {class: "legend"}),
    lossChart: h("div", {class: "chart"}),
    accuracyChart: h("div", {class: "chart"}),
    diagnostics: h("div", {class: "diagnostics"}),
    space: h("div", {class: "space"}),
    compare: h("div", {class: "compare"}),
  };
  const check = (key, label) => {
    const id = uid("opt");
    const input = h("input", {type: "checkbox", id, "data-testid": key});
    input.checked = store.get()[key];
    input.addEventListener("change", () => store.set({[key]: input.checked}));
    cleanups.push(
      store.subscribe((state, changed) => {
        if (changed.has(key)) input.checked = state[key];
      }),
    );
    return h("div", {class: "field field--check"}, [input, h("label", {for: id, text: label})]);
  };
  dom.boundaryFigure = h("figure", {class: "boundary"}, [dom.boundary, dom.boundaryCaption]);
  dom.accuracyBlock = h("div", {class: "chart-block"}, [h("h4", {text: t("classifier.accuracyTitle")}), dom.accuracyChart]);
  // Parts an embed can show on their own (see app.js); on the full page they lay out as if unwrapped.
  dom.boundaryPart = h("div", {class: "ap-part ap-part--boundary"}, [
    dom.metrics,
    dom.divergence,
    dom.boundaryFigure,
    dom.colourScale,
    h("div", {class: "boundary-options"}, [check("showTest", t("classifier.showTest")), check("discrete", t("classifier.discrete"))]),
    dom.legend,
  ]);
  dom.lossPart = h("div", {class: "ap-part ap-part--loss"}, [h("div", {class: "chart-block"}, [h("h4", {text: t("classifier.lossTitle")}), dom.lossChart]), dom.accuracyBlock]);
  dom.output = panel("output", t("classifier.outputTitle"), [dom.boundaryPart, dom.lossPart]);
  dom.dataPanel = panel("data", t("classifier.dataTitle"), [dom.datasets, dom.dataControls]);
  // The diagram first (as in TensorFlow Playground), the network-wide settings under it.
  dom.networkPanel = panel("network", t("classifier.networkTitle"), [dom.diagram, dom.inspector, dom.networkSettings], t("classifier.networkHelp"));
  dom.diagnosticsPanel = panel("diagnostics", t("classifier.diagnosticsTitle"), [h("p", {class: "panel-intro", text: t("classifier.diagnosticsIntro")}), dom.diagnostics]);
  dom.diagnosticsPanel.dataset.watch = "diagnostics";
  dom.spacePanel = panel("space", t("classifier.hsTitle"), [h("p", {class: "panel-intro", text: t("classifier.hsIntro")}), dom.space]);
  dom.spacePanel.dataset.watch = "space";

  root.replaceChildren(
    h("header", {class: "section-head"}, [
      h("h2", {id: `${idPrefix}classifier-title`, text: t("classifier.title")}),
      h("p", {class: "section-intro", text: t("classifier.intro")}),
    ]),
    dom.toolbar,
    h("div", {class: "workbench"}, [dom.dataPanel, dom.networkPanel, dom.output]),
    h("div", {class: "lower"}, [
      dom.diagnosticsPanel,
      dom.spacePanel,
      panel("compare", t("classifier.compareTitle"), [h("p", {class: "panel-intro", text: t("classifier.compareIntro")}), dom.compare]),
    ]),
  );
  root.setAttribute("aria-labelledby", `${idPrefix}classifier-title`);
  return dom;
}
