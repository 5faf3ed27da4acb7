// Bytes ↔ text for Python source, so that everything outside an edit is written back
// byte for byte: a UTF-8 BOM, a PEP 263 coding cookie, and a strict (fatal) decoder: a
// lenient one turns bad bytes into U+FFFD and writing that back would corrupt the file.

export interface Decoded {
  text: string;
  encoding: SourceEncoding;
}

export interface SourceEncoding {
  /** "utf-8" or a single-byte codec name (from the coding cookie). */
  name: string;
  bom: boolean;
  /** Single-byte codecs are edited byte for byte (each byte one char): see decodeSource. */
  singleByte: boolean;
}

export class DecodeError extends Error {}

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

const UTF8_NAMES = new Set(["utf-8", "utf8", "utf-8-sig", "utf_8", "u8", "utf", "cp65001"]);

// ASCII-compatible codecs with one byte per character: the file is decoded byte for byte
// ("latin1" in Node terms), so the parser sees the same ASCII structure and every byte is
// written back unchanged, whatever the codec maps it to.
const SINGLE_BYTE = /^(ascii|us-ascii|646|latin-?1|l1|iso-?8859-?\d+|iso_8859_\d+|iso8859_\d+|8859|cp8\d\d|cp12[5-9]\d|windows-12[5-9]\d|koi8-[ru]|koi8_[ru]|mac-?roman|macintosh|cp437|cp850|cp1252|latin-?[1-9]|l[2-9])$/;

export function findCookie(bytes: Uint8Array): string | null {
  // PEP 263: the cookie is on line 1 or 2 (line 2 only if line 1 is a comment or blank).
  let start = 0;
  for (let line = 0; line < 2 && start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const text = Buffer.from(bytes.subarray(start, Math.min(end, start + 400))).toString("latin1");
    const m = COOKIE.exec(text);
    if (m) return m[1].toLowerCase().replace(/_/g, "-");
    if (!/^[ \t\f]*(#.*)?\r?$/.test(text)) break;
    start = end + 1;
  }
  return null;
}

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.indexOf(0) !== -1) throw new DecodeError("contains NUL bytes (binary file?)");
  let bom = false;
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  }
  const cookie = findCookie(body);
  if (cookie === null || UTF8_NAMES.has(cookie)) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
      return { text, encoding: { name: "utf-8", bom, singleByte: false } };
    } catch {
      throw new DecodeError(
        cookie === null ? "not valid UTF-8 and no coding cookie declares another encoding" : `not valid ${cookie}`,
      );
    }
  }
  if (bom) throw new DecodeError(`has a UTF-8 BOM but declares coding ${cookie}`);
  if (SINGLE_BYTE.test(cookie)) {
    if (/^(ascii|us-ascii|646)$/.test(cookie) && body.some((b) => b > 0x7f)) {
      throw new DecodeError(`declares coding ${cookie} but has non-ASCII bytes`);
    }
    return { text: Buffer.from(body).toString("latin1"), encoding: { name: cookie, bom: false, singleByte: true } };
  }
  throw new DecodeError(`unsupported or unknown encoding cookie '${cookie}'`);
}

export function encodeSource(text: string, enc: SourceEncoding): Buffer {
  if (enc.singleByte) {
    // Inserted text is ASCII; anything else could not be written in this codec byte for byte.
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 0xff) throw new DecodeError(`cannot write non-ASCII text in ${enc.name}`);
    }
    return Buffer.from(text, "latin1");
  }
  const body = Buffer.from(text, "utf8");
  return enc.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
