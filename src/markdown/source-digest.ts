import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * A short hash of every file under the given folders. Astro's content layer keeps rendered Markdown
 * between builds and clears it only when the Astro config changes, and plugin functions do not count
 * (only their options do). Passing this digest as a plugin option makes a change to the plugin's
 * code clear the cache, so a build never shows pages rendered by the previous code.
 */
export function sourceDigest(folders: readonly string[]): string {
  const hash = createHash("sha256");
  for (const folder of folders) {
    for (const file of listFiles(folder).sort()) {
      // Names relative to the folder: the digest is the same in every checkout of the same code.
      hash.update(path.relative(folder, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex").slice(0, 16);
}

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? listFiles(file) : [file];
  });
}
