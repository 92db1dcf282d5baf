// The licences travel with the build: LICENSE (the project's, as package.json says) and
// THIRD_PARTY_NOTICES (everything dist/ bundles) sit at the top and are copied into dist/.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import path from "node:path";
import {repoRoot} from "./helpers.mjs";

const read = (...parts) => readFileSync(path.join(repoRoot, ...parts), "utf8");
const packageJson = JSON.parse(read("package.json"));

test("LICENSE is the licence package.json names", () => {
  assert.equal(packageJson.license, "MIT");
  assert.match(read("LICENSE"), /^MIT License\n/);
});

test("THIRD_PARTY_NOTICES names every bundled dependency with its licence text", () => {
  const notices = read("THIRD_PARTY_NOTICES");
  for (const name of Object.keys(packageJson.dependencies)) {
    const version = JSON.parse(read("node_modules", name, "package.json")).version;
    const row = notices.split("\n").find((line) => line.toLowerCase().includes(`${name.toLowerCase()} ${version}`));
    assert.ok(row, `a row names ${name} ${version}`);
    const licence = read("node_modules", name, "LICENSE").split("\n").find((line) => /^Copyright/.test(line));
    assert.ok(notices.includes(licence), `the notices carry ${name}'s copyright line: ${licence}`);
  }
  for (const part of ["Emscripten", "musl", "nlohmann/json", "xtensor", "xtl", "libc++"]) assert.ok(notices.includes(part), `names ${part}`);
});

test("dist/ carries LICENSE and THIRD_PARTY_NOTICES unchanged", () => {
  assert.equal(read("dist", "LICENSE"), read("LICENSE"));
  assert.equal(read("dist", "THIRD_PARTY_NOTICES"), read("THIRD_PARTY_NOTICES"));
});
