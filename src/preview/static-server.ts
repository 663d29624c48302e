import { createReadStream, realpathSync, statSync, type Stats } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isIP } from "node:net";
import path from "node:path";
import { createGzip } from "node:zlib";
import { lookup } from "mrmime";
import { normalizeBase } from "../build/links/resolve-link";

/**
 * Serves a built site the way a plain static host does: files under a base path, `dir/` →
 * `dir/index.html`, a redirect from `dir` to `dir/`, and `404.html` with status 404. Text (HTML,
 * CSS, JavaScript, JSON, SVG, XML, WebAssembly) is gzipped for clients that accept it, as GitHub
 * Pages and CDNs do, so benchmarks measure the bytes a student really downloads; Pagefind's
 * `.pf_*` files are gzip already and go out as octet streams.
 *
 * It is reachable from the network when HOST says so, so it serves nothing outside its folder:
 * the decoded path is resolved and checked with `path.relative` (a sibling such as `dist-x/` is
 * outside, unlike with a `startsWith` test), backslashes, NUL bytes, malformed escapes and over-long
 * paths are refused with 400, and a symlink that leads out of the folder is a 404. ETags
 * (size and modification time) answer `If-None-Match` with 304. Types come from `mrmime` (the
 * table Astro's own static server uses). Not `sirv`: it gzips only files precompressed on disk,
 * and this server must compress on the fly like the hosts it imitates.
 */

/** Types a host compresses on the way out. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm|manifest\+json)|image\/svg)/;
/** Longer request paths are refused (real hosts stop around 2–8 KB); no page of the site comes near. */
const MAX_PATH_LENGTH = 2048;

export interface StaticServer {
  readonly server: Server;
  /** Origin plus base path, e.g. `http://127.0.0.1:4321/mspt3/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** True for an address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1";
}

/**
 * The file a request path names inside `root`, or why not: `bad` (400) for a path no browser sends
 * for a real page, `outside` (404) for one that leaves the folder.
 */
export function resolveInside(root: string, relativeRequestPath: string): { file: string } | { refused: "bad" | "outside" } {
  if (relativeRequestPath.includes("\0") || relativeRequestPath.includes("\\")) return { refused: "bad" };
  const file = path.resolve(root, `.${path.posix.sep}${relativeRequestPath}`);
  const relative = path.relative(root, file);
  if (relative === "") return { file };
  if (relative.startsWith("..") || path.isAbsolute(relative)) return { refused: "outside" };
  return { file };
}

export function startStaticServer(options: {
  dir: string;
  base?: string;
  port?: number;
  /** Address to listen on; default 127.0.0.1 (this machine only). */
  host?: string;
  /** Extra headers on every response (e.g. a Content-Security-Policy, as a host could send). */
  headers?: Record<string, string>;
  /** Where the warning about a non-loopback HOST goes (default: console.warn). */
  warn?: (message: string) => void;
}): Promise<StaticServer> {
  const root = path.resolve(options.dir);
  const base = normalizeBase(options.base ?? "/");
  const host = options.host ?? "127.0.0.1";
  let realRoot: string | undefined;
  const rootReal = () => (realRoot ??= realpathSync(root));

  const server = createServer((req, res) => {
    const raw = req.url ?? "/";
    if (raw.length > MAX_PATH_LENGTH) return badRequest(res);
    let requestUrl: URL;
    let pathname: string;
    try {
      requestUrl = new URL(raw, "http://localhost");
      pathname = decodeURIComponent(requestUrl.pathname);
    } catch {
      return badRequest(res);
    }
    if (!pathname.startsWith(base)) {
      if (`${pathname}/` === base) return redirect(res, base + requestUrl.search);
      return notFound(req, res);
    }
    const resolved = resolveInside(root, pathname.slice(base.length));
    if ("refused" in resolved) return resolved.refused === "bad" ? badRequest(res) : notFound(req, res);
    const stats = statInside(resolved.file);
    if (stats?.isDirectory()) {
      if (!pathname.endsWith("/")) return redirect(res, `${requestUrl.pathname}/${requestUrl.search}`);
      return sendFile(req, res, path.join(resolved.file, "index.html"), 200);
    }
    sendFile(req, res, resolved.file, 200);
  });

  /** The file's stats when it exists and, symlinks followed, is still inside the folder. */
  function statInside(file: string): Stats | undefined {
    try {
      const real = realpathSync(file);
      const relative = path.relative(rootReal(), real);
      if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
      return statSync(real);
    } catch {
      return undefined;
    }
  }

  function notFound(req: IncomingMessage, res: ServerResponse): void {
    const page = path.join(root, "404.html");
    if (statInside(page)?.isFile()) return sendFile(req, res, page, 404, false);
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("404 Not Found");
  }

  function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status: number, fallback = true): void {
    const stats = statInside(file);
    if (!stats?.isFile()) {
      if (fallback) return notFound(req, res);
      res.writeHead(404).end();
      return;
    }
    const type = contentType(file);
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    // Weak: the gzipped and plain bodies differ byte for byte but are the same resource.
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    const headers = {
      ...options.headers,
      "content-type": type,
      "cache-control": "no-cache",
      vary: "accept-encoding",
      ...(status === 200 ? { etag } : {}),
    };
    if (status === 200 && matchesEtag(req.headers["if-none-match"], etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(status, { ...headers, ...(gzip ? { "content-encoding": "gzip" } : {}) });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const body = createReadStream(file);
    if (gzip) body.pipe(createGzip()).pipe(res);
    else body.pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      if (!isLoopbackHost(host)) {
        (options.warn ?? console.warn)(
          `warning: serving on ${host}, reachable from other machines; this is a preview server, not a web host (leave HOST unset to serve on 127.0.0.1 only)`,
        );
      }
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      const shownHost = isIP(host) === 6 ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shownHost}:${port}${base}`,
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

function contentType(file: string): string {
  const type = lookup(file);
  if (!type) return "application/octet-stream";
  return /^text\/|^application\/(json|javascript|xml)$/.test(type) ? `${type}; charset=utf-8` : type;
}

function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return String(header)
    .split(",")
    .some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

function badRequest(res: ServerResponse) {
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("400 Bad Request");
}

function redirect(res: ServerResponse, location: string) {
  res.writeHead(301, { location }).end();
}
