import { describe, expect, it } from 'vitest';
import { decodeLog } from './decode.ts';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const LINE = '2024-05-01 10:00:00 错误：系统繁忙，请稍后再试 result-status=7014\n';
/** LINE in GBK, as a Chinese Windows machine writes it (encoded with Python's gbk codec). */
const LINE_GBK = hex('323032342d30352d30312031303a30303a303020b4edcef3a3bacfb5cdb3b7b1c3a6a3acc7ebc9d4baf3d4d9cad420726573756c742d7374617475733d373031340a');

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2 + (order === 'le' ? 0 : 1)] = c & 0xff;
    out[i * 2 + (order === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('decodeLog', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const bytes = new TextEncoder().encode(LINE);
    expect(decodeLog(bytes)).toEqual({ text: LINE, encoding: 'utf-8', how: 'valid' });
    expect(decodeLog(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: LINE, encoding: 'utf-8', how: 'bom' });
  });

  it('reads UTF-16 in both byte orders, without a byte-order mark (mostly-ASCII logs have a NUL in every other byte)', () => {
    const log = LINE.repeat(20);
    expect(decodeLog(utf16(log, 'le'))).toEqual({ text: log, encoding: 'utf-16le', how: 'utf16-pattern' });
    expect(decodeLog(utf16(log, 'be'))).toEqual({ text: log, encoding: 'utf-16be', how: 'utf16-pattern' });
    expect(decodeLog(Uint8Array.from([0xff, 0xfe, ...utf16(log, 'le')]))).toEqual({ text: log, encoding: 'utf-16le', how: 'bom' });
  });

  it('reads GBK / GB18030 (Chinese Windows logs)', () => {
    expect(decodeLog(LINE_GBK)).toEqual({ text: LINE, encoding: 'gb18030', how: 'valid' });
  });

  it('says when it cannot tell, and when the file is not text', () => {
    // Latin-1 "café" + a byte no encoding here reads as Chinese text.
    expect(decodeLog(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0x0a])).how).toBe('guessed');
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(decodeLog(binary).how).toBe('binary');
    expect(decodeLog(new Uint8Array(4096)).how).toBe('binary'); // all NUL: valid UTF-8, still not text
  });
});
