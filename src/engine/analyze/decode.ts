/**
 * Turns the bytes of an opened log file into text. Logs come from Chinese
 * Windows machines in GBK/GB18030, from .NET and PowerShell in UTF-16 (often
 * without a byte-order mark), and from everything else in UTF-8. Reading them
 * all as UTF-8 shows nothing (UTF-16: every other byte is NUL) or mojibake
 * (GBK). `TextDecoder` knows every one of these encodings; this decides which.
 */

export type LogEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedLog {
  text: string;
  /** The encoding the text was read with. */
  encoding: LogEncoding;
  /**
   * `bom`: the file said so; `valid`: the bytes are valid in that encoding
   * (and not in UTF-8); `guessed`: none fits cleanly, so the text was read as
   * UTF-8 with replacement characters, and the page says so; `binary`: the
   * file is not text.
   */
  how: 'bom' | 'valid' | 'utf16-pattern' | 'guessed' | 'binary';
}

/** How many bytes the UTF-16 and binary tests look at. */
const SAMPLE = 64 * 1024;

/** Reads `bytes` in the encoding they are in (see DecodedLog.how for how sure that is). */
export function decodeLog(bytes: Uint8Array): DecodedLog {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8', how: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', how: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', how: 'bom' };

  const utf16 = utf16Order(bytes.subarray(0, SAMPLE));
  if (utf16) return { text: decode(utf16, bytes), encoding: utf16, how: 'utf16-pattern' };

  // Before UTF-8: a file of NULs and control bytes is valid UTF-8, and still not text.
  if (looksBinary(bytes.subarray(0, SAMPLE))) return { text: decode('utf-8', bytes), encoding: 'utf-8', how: 'binary' };
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', how: 'valid' };
  const gb = strict('gb18030', bytes);
  if (gb !== undefined && mostlyChinese(gb)) return { text: gb, encoding: 'gb18030', how: 'valid' };
  return { text: decode('utf-8', bytes), encoding: 'utf-8', how: 'guessed' };
}

function decode(encoding: LogEncoding, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** The text, or undefined when the bytes are not valid in that encoding. */
function strict(encoding: LogEncoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a byte-order mark: text that is mostly ASCII has a NUL in
 * every other byte — the odd ones in little-endian, the even ones in
 * big-endian. Chinese UTF-16 text has few NULs, but logs are mostly ASCII.
 */
function utf16Order(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** NULs and other control bytes (not tab, line feed, carriage return, form feed, escape) in more than 1 % of the sample. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  return control > sample.length * 0.01;
}

/**
 * GB18030 can decode almost any bytes, so "valid" says little: the text must
 * also read as Chinese — most characters beyond ASCII are CJK ideographs or
 * CJK and full-width punctuation — before the page trusts it.
 */
function mostlyChinese(text: string): boolean {
  let wide = 0;
  let cjk = 0;
  for (let i = 0; i < text.length && i < SAMPLE; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    wide++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return wide > 0 && cjk >= wide * 0.9;
}
