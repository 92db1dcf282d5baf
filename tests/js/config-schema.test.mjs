// The trainer configuration is described once, by the core (core.configSchema()). These
// tests fail when a copy derived from it — the page's generated module and URL schema, the
// README's table, the .d.ts's literal unions — says something else.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import path from "node:path";
import ts from "typescript";

import {repoRoot, sharedCore} from "./helpers.mjs";
import {renderModule, renderTable, readmeTable, MODULE_PATH, README_PATH} from "../../scripts/config-schema.mjs";
import {CONFIG_SCHEMA} from "../../web/src/generated/config-schema.js";
import {classifierSchema, urlSpec, CONFIG_KEYS, LIVE_KEYS, FEATURES, DATASETS, MULTICLASS_DATASETS, REGRESSION_DATASETS} from "../../web/src/classifier/schema.js";
import {MAXOUT_K} from "../../web/src/state/activation-spec.js";
import {trainerConfig} from "../../web/src/classifier/config.js";
import {defaultState} from "../../web/src/state/url.js";

const core = await sharedCore();
const schema = core.configSchema();
const coreKey = (name) => schema.find((key) => key.name === name);

test("the page's generated schema module is what the core says now (rebuild and commit it if not)", () => {
  assert.deepEqual(CONFIG_SCHEMA, schema);
  assert.equal(readFileSync(MODULE_PATH, "utf8"), renderModule(schema));
});

test("the README's configuration table is generated from the core's schema", () => {
  const table = readmeTable(readFileSync(README_PATH, "utf8"));
  assert.ok(table, "README.md lacks the config-table markers");
  assert.equal(table, renderTable(schema));
});

test("configSchema() returns a fresh copy every call", () => {
  const first = core.configSchema();
  first[0].default = "changed";
  assert.notEqual(core.configSchema()[0].default, "changed");
});

test("urlSpec keeps a core key's bounds, values and list lengths as they are", () => {
  assert.deepEqual(urlSpec({type: "number", min: 0, max: 10, minExclusive: true}), {type: "number", min: 0, max: 10, minExclusive: true});
  assert.deepEqual(urlSpec({type: "integer", min: 2, max: 5}), {type: "int", min: 2, max: 5});
  assert.deepEqual(urlSpec({type: "list", items: {type: "enum", values: ["a"]}, minItems: 1, maxItems: 1}), {
    type: "list",
    item: {type: "enum", values: ["a"]},
    minLength: 1,
    maxLength: 1,
  });
});

test("every page URL key that holds a trainer key says exactly what the core's key says", () => {
  for (const [urlKey, name] of Object.entries(CONFIG_KEYS)) {
    const entry = classifierSchema.find((e) => e.key === urlKey);
    const key = coreKey(name);
    assert.ok(entry && key, `${urlKey} -> ${name}`);
    const expected = {key: urlKey, ...urlSpec(key), default: key.default};
    // The page reaches the core's "custom" set by adding points, so it is no URL value.
    if (name === "dataset") expected.values = key.values.filter((v) => v !== "custom");
    assert.deepEqual({...entry}, expected, urlKey);
  }
});

test("the page's dataset, feature, live-key and maxout lists are the core's", () => {
  const dataset = coreKey("dataset");
  assert.deepEqual(DATASETS, dataset.values.filter((v) => v !== "custom"));
  assert.deepEqual(MULTICLASS_DATASETS, dataset.multiclass);
  assert.deepEqual(REGRESSION_DATASETS, dataset.regression);
  assert.deepEqual(FEATURES, coreKey("features").items.values);
  assert.deepEqual(LIVE_KEYS.map((k) => CONFIG_KEYS[k]).sort(), schema.filter((k) => k.live).map((k) => k.name).sort());
  assert.deepEqual({...MAXOUT_K}, coreKey("activation").maxout.k);
});

test("the page's default state builds the core's default configuration", () => {
  const {config, problems} = trainerConfig(defaultState(classifierSchema), core.activations());
  assert.deepEqual(problems, []);
  const trainer = core.createTrainer(config);
  try {
    const built = trainer.config();
    for (const key of schema) {
      if ("default" in key) assert.deepEqual(built[key.name], key.default, key.name);
    }
  } finally {
    trainer.dispose();
  }
});

// The .d.ts keeps literal unions for editors; they must list exactly what the core does.
const declarations = ts.createSourceFile(
  "activation-playground.d.ts",
  readFileSync(path.join(repoRoot, "web/lib/activation-playground.d.ts"), "utf8"),
  ts.ScriptTarget.ES2022,
);
const declared = new Map();
declarations.forEachChild((node) => {
  if (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) declared.set(node.name.text, node);
});

/** The string literals a type node allows, following local type aliases and arrays. */
function literals(type) {
  if (ts.isUnionTypeNode(type)) return type.types.flatMap(literals);
  if (ts.isArrayTypeNode(type)) return literals(type.elementType);
  if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
  if (ts.isTypeReferenceNode(type) && declared.get(type.typeName.text)?.type) return literals(declared.get(type.typeName.text).type);
  return [];
}

function members(name) {
  return new Map(declared.get(name).members.map((m) => [m.name.text, m]));
}

test("the .d.ts TrainerConfig has exactly the core's keys, with its enum values and feature names", () => {
  const config = members("TrainerConfig");
  assert.deepEqual([...config.keys()], schema.map((k) => k.name));
  for (const key of schema) {
    const allowed = key.type === "enum" ? key.values : key.type === "list" && key.items.type === "enum" ? key.items.values : null;
    if (allowed) assert.deepEqual(literals(config.get(key.name).type), allowed, key.name);
  }
  assert.deepEqual(literals(declared.get("FeatureName").type), coreKey("features").items.values);
  assert.deepEqual(literals(declared.get("DatasetName").type), coreKey("dataset").values);
});

test("the .d.ts LiveConfig picks exactly the core's live keys", () => {
  const pick = declared.get("LiveConfig").type;
  assert.deepEqual(literals(pick.typeArguments[1]).sort(), schema.filter((k) => k.live).map((k) => k.name).sort());
});

test("the .d.ts ActivationGroup lists exactly the catalog's groups", () => {
  const groups = new Set(core.activations().map((a) => a.group));
  assert.deepEqual(new Set(literals(declared.get("ActivationGroup").type)), groups);
});
