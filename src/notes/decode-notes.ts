import type { Problem } from "../core/problems";

/**
 * Turns the bytes of a notes file into text, or says precisely why it cannot: notes typed on Korean
 * Windows are often saved as EUC-KR (CP949) or UTF-16, and a wrong file (an image) may be passed by
 * mistake. The error names the line of the first byte that is not UTF-8.
 */
export function decodeNotesBytes(bytes: Uint8Array, file: string): { text?: string; problems: Problem[] } {
  const error = (line: number, message: string) => ({ problems: [{ file, line, message, severity: "error" as const }] });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return error(0, "UTF-16 text (it starts with a UTF-16 byte-order mark); save the notes as UTF-8 and import again");
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a byte-order mark: every other byte of ASCII text is 0.
    const sample = bytes.subarray(0, 200);
    const zeros = sample.filter((b, i) => b === 0 && i % 2 === nul % 2).length;
    if (sample.length >= 8 && zeros >= sample.length / 4)
      return error(0, "UTF-16 text (every other byte is 0); save the notes as UTF-8 and import again");
    return error(lineAt(bytes, nul), "contains a NUL byte: this is not a text file (wrong file?)");
  }
  const bad = firstInvalidUtf8(bytes);
  // ignoreBOM keeps a byte-order mark in the text, so that the parser can report it.
  if (bad < 0) return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), problems: [] };
  const hint = decodesAs(bytes, "euc-kr") ? "it reads as EUC-KR (CP949), the old Korean Windows encoding" : "it is in another encoding";
  const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, "0");
  return error(lineAt(bytes, bad), `not UTF-8 text (byte 0x${byte} here; ${hint}); save the notes as UTF-8 and import again`);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function decodesAs(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence; -1 if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += length;
  }
  return -1;
}
