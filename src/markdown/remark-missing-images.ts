import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Image, Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { decodeLocalPath, isLocalRelativePath } from "../core/local-paths";

/** Text of the placeholder shown where an image file is missing. */
export const missingImageLabel = (src: string) => `이미지 없음: ${src}`;

/** Alt text of a notes image written with none: `이미지: docker_summary_23-7.png`. */
export const imageFallbackAlt = (src: string) => `이미지: ${path.posix.basename(decodeLocalPath(src))}`;

/**
 * Replaces every local image whose file does not exist with a visible placeholder naming the
 * file. Plain Astro fails the whole build on a missing image (`ImageNotFound`); the notes
 * reference images that are not shipped, and one missing screenshot must not take the site down.
 * Runs before Astro collects images, so Astro never sees the missing ones. An image that exists and
 * has no alt text gets its file name as alt text.
 */
export function remarkMissingImages(options: { exists?: (file: string) => boolean } = {}) {
  const exists = options.exists ?? existsSync;
  return (tree: Root, file: VFile) => {
    const baseDir = file.path ? path.dirname(toPath(file.path)) : undefined;
    visit(tree, "image", (node: Image, index, parent) => {
      if (!parent || index === undefined || !isLocalRelativePath(node.url)) return;
      if (baseDir && exists(path.resolve(baseDir, decodeLocalPath(node.url)))) {
        // Notes write `![](img/a.png)`; Astro drops an empty alt from the image it renders, which
        // leaves an <img> with no alt at all (axe: image-alt). The file's name is the fallback.
        if (!node.alt?.trim()) node.alt = imageFallbackAlt(node.url);
        return;
      }
      const label = missingImageLabel(node.url);
      parent.children[index] = {
        type: "emphasis",
        children: [{ type: "text", value: label }],
        data: { hName: "span", hProperties: { className: ["missing-image"], role: "img", ariaLabel: label } },
      };
    });
  };
}

function toPath(p: string): string {
  return p.startsWith("file:") ? fileURLToPath(p) : p;
}
