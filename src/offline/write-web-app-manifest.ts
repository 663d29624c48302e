import { Resvg } from "@resvg/resvg-js";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { APP_ICONS, WEB_APP_MANIFEST_FILE, iconSvg, webAppManifest } from "./web-app-manifest";

/**
 * Writes `manifest.webmanifest` and its PNG icons (rendered from SVG by resvg, already a
 * dependency for the unfurl cards) into a finished build. Runs before the offline copy is planned,
 * so the manifest and icons are part of the shell a first visit stores.
 */
export function writeWebAppManifest(outDir: string, base: string): { files: string[] } {
  const files: string[] = [];
  for (const icon of APP_ICONS) {
    const png = new Resvg(iconSvg(icon.purpose === "maskable"), { fitTo: { mode: "width", value: icon.size } }).render().asPng();
    mkdirSync(path.dirname(path.join(outDir, icon.file)), { recursive: true });
    writeFileSync(path.join(outDir, icon.file), png);
    files.push(icon.file);
  }
  writeFileSync(path.join(outDir, WEB_APP_MANIFEST_FILE), JSON.stringify(webAppManifest(base), null, 2));
  files.push(WEB_APP_MANIFEST_FILE);
  return { files };
}
