// A select of every catalog activation (grouped) plus maxout, and, unless compact,
// one number field per parameter and a "learn" switch for learnable ones.
import {formatSignificant} from "../i18n/format.js";
import {MAXOUT, MAXOUT_K, parseActivation, resolveActivation, compactActivation} from "../state/activation-spec.js";
import {h, uid} from "../ui/dom.js";
import {groupCatalog, groupLabel} from "../ui/groups.js";

const pickers = new WeakMap();

/**
 * @param {HTMLElement} target
 * @param {{catalog: object[], token: string, label: string}} data  token: "name(param:value;…)"
 * @param {{t: Function, onChange: (token: string) => void, compact?: boolean, allowMaxout?: boolean, testid?: string}} options
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
  if (picker.select.value !== spec.name) picker.select.value = spec.name;
  if (!options.compact) renderParams(picker, data.catalog);
}

function create(target, data, options, catalogKey) {
  const id = uid("act");
  const select = h("select", {id, class: "activation-select", "data-testid": options.testid}, [
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
  const picker = {select, params, catalogKey, label: data.label, options, spec: null, paramsKey: ""};
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
  const emit = (next) => picker.options.onChange(compactActivation(next, catalog));
  const t = picker.options.t;
  const fields = [];
  if (spec.name === MAXOUT) {
    fields.push(numberField(t("classifier.maxoutPieces"), spec.params.k, {min: MAXOUT_K.min, max: MAXOUT_K.max, step: 1}, (value) => {
      emit({...spec, params: {k: Math.round(value)}});
    }));
  } else {
    const entry = catalog.find((item) => item.name === spec.name);
    for (const param of entry?.params ?? []) {
      fields.push(
        numberField(param.name, spec.params[param.name], {min: param.min, max: param.max, step: "any"}, (value) => {
          emit({...spec, params: {...spec.params, [param.name]: value}});
        }),
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

function numberField(label, value, {min, max, step}, onValue) {
  const id = uid("param");
  const input = h("input", {
    id,
    type: "number",
    inputmode: "decimal",
    value: Number.isFinite(value) ? String(value) : "",
    placeholder: Number.isFinite(value) ? null : formatSignificant(value),
    min: Number.isFinite(min) ? min : null,
    max: Number.isFinite(max) ? max : null,
    step,
  });
  input.addEventListener("change", () => {
    const text = input.value.trim();
    const parsed = text === "" && !Number.isFinite(value) ? value : Number(text);
    if (Number.isFinite(parsed) && parsed >= min && parsed <= max) {
      input.removeAttribute("aria-invalid");
      onValue(parsed);
    } else {
      input.setAttribute("aria-invalid", "true");
    }
  });
  return h("div", {class: "field field--param"}, [h("label", {for: id, text: label}), input]);
}
