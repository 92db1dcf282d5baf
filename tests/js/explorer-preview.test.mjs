// The explorer's first-view preview (web/src/generated/explorer-preview.js) is a picture the core
// computed at build time. These tests fail when it no longer matches the core, the explorer's
// defaults or the live chart's computation.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";

import {sharedCore} from "./helpers.mjs";
import {MODULE_PATH, PREVIEW_SAMPLES, previewOf, renderModule} from "../../scripts/explorer-preview.mjs";
import {EXPLORER_PREVIEW} from "../../web/src/generated/explorer-preview.js";
import {explorerSchema} from "../../web/src/explorer/schema.js";
import {CHART_KEYS, chartXs} from "../../web/src/explorer/chart-data.js";
import {previewMatches} from "../../web/src/explorer/preview.js";

const core = await sharedCore();

test("the generated preview is what the core computes now (rebuild and commit it if not)", () => {
  assert.equal(readFileSync(MODULE_PATH, "utf8"), renderModule(previewOf(core)));
});

test("the preview is of the explorer's default state", () => {
  for (const key of CHART_KEYS) assert.deepEqual(EXPLORER_PREVIEW.state[key], explorerSchema.find((entry) => entry.key === key).default, key);
});

test("its curves are the core's values at its samples, to the digits it keeps", () => {
  const xs = chartXs(EXPLORER_PREVIEW.state, PREVIEW_SAMPLES);
  assert.equal(EXPLORER_PREVIEW.series.length, EXPLORER_PREVIEW.state.exFns.length);
  EXPLORER_PREVIEW.series.forEach((series, i) => {
    const {y, dy} = core.evaluate(EXPLORER_PREVIEW.state.exFns[i], {}, xs);
    assert.equal(series.y.length, PREVIEW_SAMPLES);
    for (let k = 0; k < PREVIEW_SAMPLES; k += 1) {
      assert.ok(Math.abs(series.y[k] - y[k]) <= 1e-5 * Math.max(1, Math.abs(y[k])), `f at ${xs[k]}`);
      assert.ok(Math.abs(series.dy[k] - dy[k]) <= 1e-5 * Math.max(1, Math.abs(dy[k])), `f' at ${xs[k]}`);
    }
  });
});

test("the preview is shown only for the state it shows", () => {
  const state = {...EXPLORER_PREVIEW.state};
  assert.ok(previewMatches(state));
  assert.ok(!previewMatches({...state, exXMax: 6}));
  assert.ok(!previewMatches({...state, exFns: ["relu"]}));
  assert.ok(!previewMatches({...state, exParams: ["a:1"]}));
  assert.ok(!previewMatches({...state, exShowDf: false}));
});
