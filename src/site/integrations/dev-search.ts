import type { AstroIntegration } from "astro";
import { existsSync, readdirSync, readFileSync, watch } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { close, createIndex } from "pagefind";
import { readEntryFile } from "../../import/entry-file";
import { devSearchRecord, type SearchRecord } from "../../search/dev-search-records";
import { isTopicId } from "../../core/topics";
import { buildSettings } from "../../core/build-settings.mjs";
import { normalizeBase } from "../../core/base-path.mjs";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
};

/**
 * Search under `astro dev`. The dev server renders pages on demand, so there is no built HTML to
 * index; instead, on start, this indexes every question of the content folder with Pagefind's Node
 * API (a custom record per question: same URL, title and topic filter as the built page) and serves
 * the index from memory at `<base>pagefind/`. It indexes again whenever an entry changes, so a new
 * or edited question is findable within a second. `npm run build` writes the production index from
 * the built pages instead.
 */
export function devSearch(): AstroIntegration {
  let root = process.cwd();
  let base = "/";
  return {
    name: "course-qa:dev-search",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
        base = normalizeBase(config.base);
      },
      "astro:server:setup": ({ server, logger }) => {
        const contentDir = path.resolve(root, buildSettings().contentDir);
        const prefix = `${base}pagefind/`;
        let files = new Map<string, Uint8Array>();
        let building: Promise<void> = Promise.resolve();
        const cache = new Map<string, { text: string; record: SearchRecord }>();

        const rebuild = () => {
          building = building.then(async () => {
            try {
              const records = readRecords(contentDir, base, cache);
              files = await buildIndex(records);
              logger.info(`search index for dev: ${records.length} questions from ${path.relative(root, contentDir) || "."}/`);
            } catch (error) {
              logger.error(`search index for dev failed: ${(error as Error).message}`);
            }
          });
          return building;
        };
        void rebuild();

        let timer: NodeJS.Timeout | undefined;
        if (existsSync(contentDir)) {
          const watcher = watch(contentDir, { recursive: true }, (_event, name) => {
            if (!name?.endsWith(".md")) return;
            clearTimeout(timer);
            timer = setTimeout(() => void rebuild(), 200);
          });
          server.httpServer?.once("close", () => watcher.close());
        }
        server.httpServer?.once("close", () => void close());

        server.middlewares.use((req, res, next) => {
          const pathname = (req.url ?? "").split("?")[0] ?? "";
          if (!pathname.startsWith(prefix)) return next();
          void building.then(() => {
            const file = files.get(pathname.slice(prefix.length));
            if (!file) {
              res.statusCode = 404;
              res.end("not in the dev search index");
              return;
            }
            res.setHeader("content-type", TYPES[path.extname(pathname)] ?? "application/octet-stream");
            res.setHeader("cache-control", "no-cache");
            res.end(file);
          });
        });
      },
    },
  };
}

/**
 * The search record of every question entry of the content folder (topic notes are not search
 * results, as in the build). Records are cached by file text: after an edit only the changed file
 * is read as Markdown again.
 */
function readRecords(contentDir: string, base: string, cache: Map<string, { text: string; record: SearchRecord }>): SearchRecord[] {
  if (!existsSync(contentDir)) return [];
  const records: SearchRecord[] = [];
  const seen = new Set<string>();
  for (const topic of readdirSync(contentDir)) {
    if (!isTopicId(topic)) continue;
    for (const name of readdirSync(path.join(contentDir, topic))) {
      if (!name.endsWith(".md")) continue;
      const file = path.join(contentDir, topic, name);
      const text = readFileSync(file, "utf8");
      seen.add(file);
      const cached = cache.get(file);
      if (cached?.text === text) {
        records.push(cached.record);
        continue;
      }
      const entry = readEntryFile(text);
      if (!entry || typeof entry.data.question !== "string") continue;
      const record = devSearchRecord({ topic, id: name.slice(0, -3), question: entry.data.question, body: entry.body }, base);
      cache.set(file, { text, record });
      records.push(record);
    }
  }
  for (const file of cache.keys()) if (!seen.has(file)) cache.delete(file);
  return records;
}

async function buildIndex(records: readonly SearchRecord[]): Promise<Map<string, Uint8Array>> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(errors.join("; "));
  try {
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const failed = added.flatMap((a) => a.errors);
    if (failed.length > 0) throw new Error(failed.join("; "));
    const written = await index.getFiles();
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    return new Map(written.files.map((f) => [f.path.replace(/^\/+/, ""), f.content]));
  } finally {
    await index.deleteIndex();
  }
}
