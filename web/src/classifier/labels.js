// Names and small facts the classifier derives from its state: unit names, the activation label,
// whether a selection still exists, the regression target scale. Pure functions.
import {parseActivation} from "../state/activation-spec.js";

export function targetScale(info) {
  if (!info.regression) return 1;
  let scale = 1e-9;
  for (const v of info.points.label) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  return scale;
}

export function isValidSelection(sel, state) {
  const sizes = [state.features.length, ...state.hidden];
  return sel.layer <= state.hidden.length && sel.index < (sel.layer === state.hidden.length ? 5 : state.hidden[sel.layer]) && (sel.from === undefined || sel.from < sizes[sel.layer]);
}

export function sourceLabels(state, featureLabels, t) {
  return [state.features.map((f) => featureLabels[f]), ...state.hidden.map((count, l) => Array.from({length: count}, (_, j) => t("classifier.unitLabel", {layer: l + 1, index: j + 1})))];
}

export function unitName(unit, state, featureLabels, t) {
  if (unit.layer < 0) return featureLabels[state.features[unit.index]] ?? "";
  if (unit.layer >= state.hidden.length) return t("classifier.outputUnitLabel", {index: unit.index + 1});
  return t("classifier.unitLabel", {layer: unit.layer + 1, index: unit.index + 1});
}

export function activationLabel(tokens, catalog, t) {
  if (tokens.length === 0) return t("classifier.noHidden");
  const names = [...new Set(tokens.map((tok) => parseActivation(tok)?.name ?? tok))];
  if (names.length > 1) return t("classifier.mixedActivations");
  const entry = catalog.find((item) => item.name === names[0]);
  return names[0] === "maxout" ? t("classifier.maxout") : entry?.label || names[0];
}
