/** Markdown paths may be percent-encoded (`a%20b.png`); files on disk are not. */
export function decodeLocalPath(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** True for a relative path to a file of our own, false for `https:`, `data:`, `/abs` or `#frag`. */
export function isLocalRelativePath(url: string): boolean {
  return url !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("/") && !url.startsWith("#");
}
