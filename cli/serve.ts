/**
 * `npm run preview`: serves the built site on http://127.0.0.1:4321 (PORT, HOST and BASE_PATH
 * override; OUT_DIR names the built folder) exactly as a static host would.
 */
import { existsSync } from "node:fs";
import { startStaticServer } from "../src/preview/static-server";
import { buildSettings } from "../src/core/build-settings.mjs";

const { outDir: dir, base } = buildSettings();
if (!existsSync(`${dir}/index.html`)) {
  console.error(`${dir}/index.html not found: run \`npm run build\` first (or \`npm start\` to build and serve).`);
  process.exit(1);
}
const { url } = await startStaticServer({
  dir,
  base,
  port: Number(process.env.PORT || 4321),
  host: process.env.HOST || "127.0.0.1",
});
console.log(`serving ${dir}/ at ${url}  (Ctrl+C to stop)`);
