// A small static file server for dist/ on 127.0.0.1: the right MIME types for
// .wasm and .mjs, no directory escapes, gzip for text and wasm (compressed once per file
// version; brotli at its best level takes seconds for the .wasm, too slow to do on the fly), hashed build assets cached for good and the rest for a few seconds (so a
// worker importing what the page just loaded does not pay a round trip), ETags for the
// revalidations after that. Used by `npm start` and by the tests.
import {createServer} from "node:http";
import {createReadStream, promises as fs} from "node:fs";
import path from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {gzipSync, constants as zlib} from "node:zlib";

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** What is worth compressing (images and fonts already are). */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".ts", ".txt"]);
/** path -> {etag, body}: each file version is compressed once. */
const gzipCache = new Map();

async function gzipped(filePath, etag) {
  const cached = gzipCache.get(filePath);
  if (cached?.etag === etag) return cached.body;
  const body = gzipSync(await fs.readFile(filePath), {level: zlib.Z_BEST_COMPRESSION});
  gzipCache.set(filePath, {etag, body});
  return body;
}

/** Vite names build assets by content hash: such a file never changes under its name. */
const cacheControl = (urlPath) => (urlPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "max-age=10");

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Starts the server; resolves to {url, port, close()}. Port 0 picks a free port.
 * `onSent({path, status, bytes})` hears of every response with the bytes of its body
 * as sent (the load tests count what a first view costs, workers included).
 * Like the static hosts a teacher may use: `prefix` serves root under a sub-path ("/courses/ml/"),
 * `mimeTypes` overrides content types by extension ({".mjs": "application/javascript"}),
 * `headers` adds headers to every response (a Content-Security-Policy).
 */
export function startServer({
  root = path.join(repoRoot, "dist"),
  port = 8080,
  host = "127.0.0.1",
  onSent = null,
  prefix = "/",
  mimeTypes = {},
  headers: extraHeaders = {},
} = {}) {
  const rootDir = path.resolve(root);
  const types = {...MIME_TYPES, ...mimeTypes};
  const base = `/${prefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  const server = createServer(async (request, response) => {
    try {
      const fullPath = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
      if (!fullPath.startsWith(base)) {
        response.writeHead(404, {"content-type": "text/plain"}).end("not found");
        return;
      }
      const urlPath = `/${fullPath.slice(base.length)}`;
      let filePath = path.resolve(rootDir, "." + urlPath);
      if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) {
        response.writeHead(403).end("forbidden");
        return;
      }
      let stat = await fs.stat(filePath).catch(() => null);
      if (stat?.isDirectory()) {
        filePath = path.join(filePath, "index.html");
        stat = await fs.stat(filePath).catch(() => null);
      }
      if (!stat?.isFile()) {
        response.writeHead(404, {"content-type": "text/plain"}).end("not found");
        return;
      }
      const extension = path.extname(filePath).toLowerCase();
      const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
      const headers = {
        ...extraHeaders,
        "content-type": types[extension] ?? "application/octet-stream",
        "cache-control": cacheControl(urlPath),
        etag,
        vary: "accept-encoding",
        // The element and the library may be loaded by a page on another origin (a blog).
        ...(urlPath.startsWith("/lib/") ? {"access-control-allow-origin": "*"} : {}),
      };
      if (request.headers["if-none-match"] === etag) {
        response.writeHead(304, headers).end();
        onSent?.({path: urlPath, status: 304, bytes: 0});
        return;
      }
      if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
        const body = await gzipped(filePath, etag);
        response.writeHead(200, {...headers, "content-encoding": "gzip", "content-length": body.length});
        response.end(request.method === "HEAD" ? undefined : body);
        onSent?.({path: urlPath, status: 200, bytes: request.method === "HEAD" ? 0 : body.length});
        return;
      }
      response.writeHead(200, {...headers, "content-length": stat.size});
      if (request.method === "HEAD") {
        response.end();
        onSent?.({path: urlPath, status: 200, bytes: 0});
        return;
      }
      onSent?.({path: urlPath, status: 200, bytes: stat.size});
      createReadStream(filePath).pipe(response);
    } catch {
      response.writeHead(400).end("bad request");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actualPort = server.address().port;
      resolve({
        url: `http://${host}:${actualPort}${base}`,
        port: actualPort,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const port = Number(option("--port", process.env.PORT ?? 8080));
  const root = option("--root", path.join(repoRoot, "dist"));
  // --prefix /courses/ml/: serve dist/ under a sub-path, as a university web folder would.
  const prefix = option("--prefix", "/");
  startServer({root, port, prefix}).then(
    ({url}) => console.log(`Activation Playground is being served at ${url}  (Ctrl+C to stop)`),
    (error) => {
      console.error(`serve: cannot listen on port ${port}: ${error.message}`);
      process.exit(1);
    },
  );
}
