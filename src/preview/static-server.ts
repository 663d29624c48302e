import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { createGzip } from "node:zlib";
import { normalizeBase } from "../build/links/resolve-link";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/** Types a host compresses on the way out. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm|manifest\+json)|image\/svg)/;

export interface StaticServer {
  readonly server: Server;
  /** Origin plus base path, e.g. `http://127.0.0.1:4321/mspt3/`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way a plain static host does: files under a base path, `dir/` →
 * `dir/index.html`, a redirect from `dir` to `dir/`, and `404.html` with status 404. Pagefind's
 * binary index files are served as octet streams. Text (HTML, CSS, JavaScript, JSON, SVG, XML,
 * WebAssembly) is gzipped for clients that accept it, as GitHub Pages and CDNs do, so benchmarks
 * measure the bytes a student really downloads; Pagefind's `.pf_*` files are gzip already.
 */
export function startStaticServer(options: {
  dir: string;
  base?: string;
  port?: number;
  host?: string;
  /** Extra headers on every response (e.g. a Content-Security-Policy, as a host could send). */
  headers?: Record<string, string>;
}): Promise<StaticServer> {
  const root = path.resolve(options.dir);
  const base = normalizeBase(options.base ?? "/");
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? "/", "http://localhost");
    let pathname: string;
    try {
      pathname = decodeURIComponent(requestUrl.pathname);
    } catch {
      pathname = requestUrl.pathname;
    }
    if (!pathname.startsWith(base)) {
      if (`${pathname}/` === base) return redirect(res, base + requestUrl.search);
      return notFound(req, res);
    }
    const file = path.join(root, pathname.slice(base.length));
    if (!file.startsWith(root)) return notFound(req, res);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith("/")) return redirect(res, `${requestUrl.pathname}/${requestUrl.search}`);
      return sendFile(req, res, path.join(file, "index.html"), 200);
    }
    sendFile(req, res, file, 200);
  });

  function notFound(req: IncomingMessage, res: ServerResponse): void {
    const page = path.join(root, "404.html");
    if (existsSync(page)) return sendFile(req, res, page, 404, false);
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("404 Not Found");
  }

  function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status: number, fallback = true): void {
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (fallback) return notFound(req, res);
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    res.writeHead(status, {
      ...options.headers,
      "content-type": type,
      "cache-control": "no-cache",
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    const body = createReadStream(file);
    if (gzip) body.pipe(createGzip()).pipe(res);
    else body.pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        server,
        url: `http://${host}:${port}${base}`,
        // Also drops idle keep-alive connections, so closing is immediate (and a browser sees the site go away).
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function redirect(res: ServerResponse, location: string) {
  res.writeHead(301, { location }).end();
}
