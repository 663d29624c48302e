import { readFileSync } from "node:fs";
import path from "node:path";

/** The built site the site tests run against. */
export const SITE_DIR = path.resolve("dist");

export const readBuilt = (relativePath: string) => readFileSync(path.join(SITE_DIR, relativePath), "utf8");
