// A select of every catalog activation (grouped) plus maxout, and, unless compact,
// one number field per parameter and a "learn" switch for learnable ones. A value outside its
// range, or one the core refuses beside the others, is refused in its field with one message.
import {formatSignificant} from "../i18n/format.js";
import {MAXOUT, MAXOUT_K, parseActivation, resolveActivation, compactActivation} from "../state/activation-spec.js";
import {h, uid} from "../ui/dom.js";
import {groupCatalog, groupLabel} from "../ui/groups.js";

const pickers = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{catalog: object[], token: string, label: string, mixed?: boolean}} data  token: "name(param:value;…)";
 *   mixed: the layers differ, so the select reads "Mixed" (and no parameters are shown) until one is picked
 * @param {{t: Function, onChange: (token: string) => void, compact?: boolean, allowMaxout?: boolean, testid?: string,
 *   check?: (name: string, params: object) => Promise<string | null>}} options
 *   check: resolves to the core's reason when it refuses a parameter set, else null
 */
export function draw(target, data, options) {
  let picker = pickers.get(target);
  const catalogKey = data.catalog.map((entry) => entry.name).join();
  if (!picker || picker.catalogKey !== catalogKey || picker.label !== data.label) {
    picker = create(target, data, options, catalogKey);
    pickers.set(target, picker);
  }
  picker.options = options;
  const spec = resolveActivation(parseActivation(data.token), data.catalog).spec ?? {name: "tanh", params: {}, learn: true};
  picker.spec = spec;
  picker.mixed.hidden = !data.mixed;
  const shown = data.mixed ? "" : spec.name;
  if (picker.select.value !== shown) picker.select.value = shown;
  picker.params.hidden = Boolean(data.mixed);
  if (!options.compact && !data.mixed) renderParams(picker, data.catalog);
}

function create(target, data, options, catalogKey) {
  const id = uid("act");
  // Shown only while the layers use different activations; not a choice one can pick.
  const mixed = h("option", {value: "", disabled: true, hidden: true, text: options.t("classifier.mixed")});
  const select = h("select", {id, class: "activation-select", "data-testid": options.testid}, [
    mixed,
    ...groupCatalog(data.catalog).map(([group, entries]) =>
      h(
        "optgroup",
        {label: groupLabel(options.t, group)},
        entries.map((entry) => h("option", {value: entry.name, text: entry.label || entry.name})),
      ),
    ),
    options.allowMaxout === false
      ? null
      : h("optgroup", {label: options.t("classifier.groups.vector")}, [h("option", {value: MAXOUT, text: options.t("classifier.maxout")})]),
  ]);
  const params = h("div", {class: "activation-params"});
  const root = h("div", {class: `activation-picker${options.compact ? " is-compact" : ""}`}, [
    h("label", {for: id, class: options.compact ? "visually-hidden" : "", text: data.label}),
    select,
    options.compact ? null : params,
  ]);
  target.replaceChildren(root);
  const picker = {select, params, mixed, catalogKey, label: data.label, options, spec: null, paramsKey: ""};
  select.addEventListener("change", () => {
    const entry = data.catalog.find((item) => item.name === select.value);
    const spec =
      select.value === MAXOUT
        ? {name: MAXOUT, params: {k: MAXOUT_K.default}, learn: true}
        : {name: select.value, params: Object.fromEntries((entry?.params ?? []).map((p) => [p.name, p.default])), learn: true};
    picker.options.onChange(compactActivation(spec, data.catalog));
  });
  return picker;
}

function renderParams(picker, catalog) {
  const {spec} = picker;
  const key = JSON.stringify(spec);
  if (key === picker.paramsKey) return;
  picker.paramsKey = key;
  const t = picker.options.t;
  // Resolves to a message when the new set is refused (then nothing is sent on).
  const emit = async (next, name) => {
    const reason = next.name === MAXOUT ? null : await picker.options.check?.(next.name, next.params);
    if (reason) return t("classifier.paramConflict", {name, reason});
    picker.options.onChange(compactActivation(next, catalog));
    return null;
  };
  const fields = [];
  if (spec.name === MAXOUT) {
    fields.push(numberField(t, t("classifier.maxoutPieces"), spec.params.k, {min: MAXOUT_K.min, max: MAXOUT_K.max, step: 1}, (value) =>
      emit({...spec, params: {k: Math.round(value)}}, t("classifier.maxoutPieces")),
    ));
  } else {
    const entry = catalog.find((item) => item.name === spec.name);
    for (const param of entry?.params ?? []) {
      fields.push(
        numberField(t, param.name, spec.params[param.name], {min: param.min, max: param.max, step: "any"}, (value) =>
          emit({...spec, params: {...spec.params, [param.name]: value}}, param.name),
        ),
      );
    }
    if (entry?.params.some((param) => param.learnable)) {
      const id = uid("learn");
      const box = h("input", {type: "checkbox", id, checked: spec.learn});
      box.addEventListener("change", () => emit({...spec, learn: box.checked}));
      fields.push(h("div", {class: "field field--check"}, [box, h("label", {for: id, text: t("classifier.learnParams")})]));
    }
  }
  picker.params.replaceChildren(...fields);
}

/** onValue(value) resolves to a refusal message or null. */
function numberField(t, label, value, {min, max, step}, onValue) {
  const id = uid("param");
  const problem = h("p", {class: "field-error", id: `${id}-problem`, hidden: true});
  const input = h("input", {
    id,
    type: "number",
    inputmode: "decimal",
    value: Number.isFinite(value) ? String(value) : "",
    placeholder: Number.isFinite(value) ? null : formatSignificant(value),
    min: Number.isFinite(min) ? min : null,
    max: Number.isFinite(max) ? max : null,
    step,
    "aria-describedby": problem.id,
  });
  const show = (text) => {
    if (text) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    problem.hidden = !text;
    problem.textContent = text ?? "";
  };
  input.addEventListener("change", async () => {
    const text = input.value.trim();
    const parsed = text === "" && !Number.isFinite(value) ? value : Number(text);
    const inRange = (Number.isFinite(parsed) || parsed === value) && parsed >= min && parsed <= max;
    const current = formatSignificant(value, 4);
    if (!inRange) {
      show(Number.isNaN(parsed) || text === ""
        ? t("classifier.paramNotANumber", {name: label, current})
        : t("classifier.paramOutOfRange", {name: label, min: formatSignificant(min, 4), max: formatSignificant(max, 4), current}));
      return;
    }
    show(await onValue(parsed));
  });
  return h("div", {class: "field field--param"}, [h("label", {for: id, text: label}), input, problem]);
}
