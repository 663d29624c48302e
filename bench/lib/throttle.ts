import type { Server, ServerResponse } from "node:http";

/**
 * A slow link in front of a local server: every response waits one round trip before its first
 * byte, and all responses share one pipe of `bitsPerSecond`, as on a phone's mobile connection.
 * Done in the server rather than with Chromium's network emulation because DevTools throttling
 * applies to a page's own requests, not to what its service worker downloads, and the full save is
 * all service-worker downloads. Also counts what went over the wire (after gzip) per request.
 */
export function throttleServer(
  server: Server,
  link: { bitsPerSecond: number; rttMs: number } | undefined,
  onSent: (url: string, bytes: number) => void,
): void {
  let linkFreeAt = 0;
  server.prependListener("request", (req, res: ServerResponse) => {
    const url = decodeURI(req.url ?? "");
    let sent = 0;
    let queue = link ? new Promise<void>((resolve) => setTimeout(resolve, link.rttMs)) : Promise.resolve();
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const pace = (bytes: number) => {
      if (!link) return Promise.resolve();
      const now = performance.now();
      const start = Math.max(now, linkFreeAt);
      linkFreeAt = start + (bytes * 8 * 1000) / link.bitsPerSecond;
      return new Promise<void>((resolve) => setTimeout(resolve, linkFreeAt - now));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      const bytes = typeof chunk === "string" ? Buffer.byteLength(chunk) : (chunk as Uint8Array).byteLength;
      sent += bytes;
      queue = queue.then(() => pace(bytes)).then(() => void write(chunk, ...rest));
      return true;
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      const chunk = typeof args[0] === "function" ? undefined : args[0];
      const bytes =
        chunk === undefined || chunk === null ? 0 : typeof chunk === "string" ? Buffer.byteLength(chunk) : (chunk as Uint8Array).byteLength;
      sent += bytes;
      queue = queue
        .then(() => pace(bytes))
        .then(() => {
          end(...args);
          onSent(url, sent);
        });
      return res;
    }) as typeof res.end;
  });
}
