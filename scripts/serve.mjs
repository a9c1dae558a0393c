#!/usr/bin/env node
// Tiny static server for the demo and the e2e tests, no dependencies:
//   /          -> www/
//   /pkg/      -> pkg/        (the wasm-pack output)
//   /shared/   -> ../shared/  (read-only fixtures, only if that folder exists)
// CLI:    node scripts/serve.mjs [--port N] [--host H]   (defaults 127.0.0.1:8080; port 0 = any free)
// Module: const { url, close } = await startServer({ port: 0 });
//   options `mounts` ([[prefix, folder], ...], tried before the ones above) and `isolate`
//   (COOP/COEP headers, for cross-origin isolation) serve the benchmark (scripts/bench/run.mjs).
import { createServer } from "node:http";
import { createReadStream, existsSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/** URL prefix -> folder on disk, the first matching prefix wins; `extra` comes first. */
function mounts(extra = []) {
  const list = [
    ...extra,
    ["/pkg/", path.join(repoRoot, "pkg")],
    ["/", path.join(repoRoot, "www")],
  ];
  const shared = path.resolve(repoRoot, "..", "shared");
  if (existsSync(shared)) list.unshift(["/shared/", shared]);
  return list;
}

/** The file a request path names, or null when it is outside every root or absent. */
async function resolveFile(urlPath, roots) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  for (const [prefix, root] of roots) {
    if (!decoded.startsWith(prefix)) continue;
    let file = path.resolve(root, "." + path.posix.normalize("/" + decoded.slice(prefix.length)));
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      // realpath: a symlink must not lead out of the root either
      const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
      if (!(await stat(real)).isFile()) return null;
      return real;
    } catch {
      return null;
    }
  }
  return null;
}

/** Starts the server; resolves to { url, port, close } once it listens. */
export function startServer({ port = 8080, host = "127.0.0.1", mounts: extra = [], isolate = false } = {}) {
  const roots = mounts(extra);
  const isolation = isolate
    ? { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" }
    : {};
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const urlPath = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = await resolveFile(urlPath, roots);
    if (!file) {
      // browsers ask for a favicon on their own: answer without a 404 in the console
      if (urlPath === "/favicon.ico") res.writeHead(204).end();
      else res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", ...isolation });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** --port N and --host H (also --port=N), defaults 127.0.0.1:8080. */
function parseArgs(argv) {
  const opts = { port: 8080, host: "127.0.0.1" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split("=", 2);
    const value = inline ?? argv[++i];
    if (flag === "--port" && /^\d+$/.test(value ?? "") && Number(value) < 65536) opts.port = Number(value);
    else if (flag === "--host" && value) opts.host = value;
    else throw new Error(`usage: node scripts/serve.mjs [--port N] [--host H] (bad argument: ${arg})`);
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const { url, close } = await startServer(parseArgs(process.argv.slice(2)));
    console.log(`listening on ${url}`);
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => close().then(() => process.exit(0)));
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
}
