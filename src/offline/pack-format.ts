/**
 * The layout of a pack file, shared by the build (writes) and the service worker (reads); no Node
 * imports. Before gzip, a pack is:
 *
 *     CQAPACK1\n
 *     {"files":[{"url":"docker/d1/","type":"text/html; charset=utf-8","length":9123},…]}\n
 *     <the files' bytes, one after another, in header order>
 *
 * Plain concatenation on purpose: gzip then finds what neighbouring pages share (the layout, the
 * navigation, repeated phrases) within its 32 KB window, which is what makes a pack smaller than
 * the same files compressed one by one. The pack as a whole is checked against the build's hash
 * before anything in it is stored.
 */

export const PACK_MAGIC = "CQAPACK1\n";

export interface PackedFile {
  /** URL below the base path (`docker/d1/`, `pagefind/pagefind.js`). */
  readonly url: string;
  /** The content-type the worker answers with. */
  readonly type: string;
  readonly body: Uint8Array;
}

interface PackHeader {
  readonly files: readonly { readonly url: string; readonly type: string; readonly length: number }[];
}

/** The uncompressed bytes of a pack (the build gzips them). */
export function encodePack(files: readonly PackedFile[]): Uint8Array {
  const header: PackHeader = { files: files.map((f) => ({ url: f.url, type: f.type, length: f.body.byteLength })) };
  const head = new TextEncoder().encode(`${PACK_MAGIC}${JSON.stringify(header)}\n`);
  const out = new Uint8Array(head.byteLength + files.reduce((n, f) => n + f.body.byteLength, 0));
  out.set(head, 0);
  let offset = head.byteLength;
  for (const f of files) {
    out.set(f.body, offset);
    offset += f.body.byteLength;
  }
  return out;
}

/** The files of an uncompressed pack; throws on anything that is not a whole pack. */
export function decodePack(bytes: Uint8Array): (PackedFile & { readonly body: Uint8Array<ArrayBuffer> })[] {
  const magic = new TextEncoder().encode(PACK_MAGIC);
  if (bytes.byteLength < magic.byteLength || magic.some((b, i) => bytes[i] !== b)) throw new Error("not a pack file");
  const headerEnd = bytes.indexOf(0x0a, magic.byteLength);
  if (headerEnd < 0) throw new Error("pack header has no end");
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.byteLength, headerEnd))) as PackHeader;
  let offset = headerEnd + 1;
  const files = header.files.map((f) => {
    const body = new Uint8Array(bytes.subarray(offset, offset + f.length));
    if (body.byteLength !== f.length) throw new Error(`pack ends inside ${f.url}`);
    offset += f.length;
    return { url: f.url, type: f.type, body };
  });
  if (offset !== bytes.byteLength) throw new Error("pack has bytes after its last file");
  return files;
}
