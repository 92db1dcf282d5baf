// scripts/serve.mjs, the server `npm start` and the browser tests use: what it sends for GET and
// HEAD, with and without gzip, and for a request that carries the current ETag.
import {test} from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import {mkdtemp, writeFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {gunzipSync} from "node:zlib";
import {startServer} from "../../scripts/serve.mjs";

const CONTENT = "x".repeat(20000);

/** The raw response: status, headers and the body's bytes exactly as sent. */
function request(url, {method = "GET", headers = {}} = {}) {
  return new Promise((resolve, reject) => {
    http
      .request(url, {method, headers}, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks)}));
      })
      .on("error", reject)
      .end();
  });
}

async function withServer(run) {
  const root = await mkdtemp(path.join(tmpdir(), "serve-"));
  await writeFile(path.join(root, "data.json"), CONTENT);
  await writeFile(path.join(root, "picture.png"), CONTENT);
  const sent = [];
  const server = await startServer({root, port: 0, onSent: (response) => sent.push(response)});
  try {
    await run(server.url, sent);
  } finally {
    await server.close();
    await rm(root, {recursive: true, force: true});
  }
}

test("GET sends the file, gzipped when the client accepts it", () =>
  withServer(async (url) => {
    const plain = await request(`${url}data.json`);
    assert.equal(plain.status, 200);
    assert.equal(plain.body.toString(), CONTENT);
    const zipped = await request(`${url}data.json`, {headers: {"accept-encoding": "gzip"}});
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.ok(zipped.body.length < CONTENT.length / 10);
    assert.equal(gunzipSync(zipped.body).toString(), CONTENT);
  }));

test("HEAD sends the headers of GET and no body, compressed or not, and counts no bytes", () =>
  withServer(async (url, sent) => {
    for (const [file, headers] of [["data.json", {}], ["data.json", {"accept-encoding": "gzip"}], ["picture.png", {}]]) {
      const get = await request(`${url}${file}`, {headers});
      const head = await request(`${url}${file}`, {method: "HEAD", headers});
      assert.equal(head.status, 200);
      assert.equal(head.body.length, 0, `${file} ${JSON.stringify(headers)}`);
      assert.equal(head.headers["content-length"], get.headers["content-length"]);
      assert.equal(head.headers.etag, get.headers.etag);
    }
    assert.deepEqual(
      sent.filter((_, i) => i % 2 === 1).map((response) => response.bytes),
      [0, 0, 0],
    );
  }));

test("a request with the current ETag gets 304 and no body", () =>
  withServer(async (url) => {
    const first = await request(`${url}data.json`);
    const again = await request(`${url}data.json`, {headers: {"if-none-match": first.headers.etag}});
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  }));
