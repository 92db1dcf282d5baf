// The short library soak (the long one is `npm run soak`): ~12 s of training the large
// configuration and churning trainers must leave wasm memory, the heap and handles flat.
import {test} from "node:test";
import assert from "node:assert/strict";
import {soak, LIMITS} from "../soak/library-soak.mjs";

test("a dozen seconds of training and trainer churn leave memory and handles flat", async () => {
  const result = await soak({epochs: 5_000, churnSeconds: 8});
  assert.equal(result.epochs, 5_000);
  assert.ok(result.cycles >= 100, `only ${result.cycles} cycles`);
  for (const [key, limit] of Object.entries(LIMITS)) {
    assert.ok(result.growth[key] <= limit, `${key} grew by ${result.growth[key]} (limit ${limit}): ${JSON.stringify(result.samples)}`);
  }
});
