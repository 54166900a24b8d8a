import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeWire, encodeWire } from './wire-codec';

describe('wire codec (browser-mode transport)', () => {
  it('carries bytes through JSON, at any depth', () => {
    const bytes = new Uint8Array(200_000).map((_, index) => (index * 7) % 256);
    const decoded = decodeWire(encodeWire({ input: { fileName: 'liste.csv', bytes }, list: [new Uint8Array([0, 255])] })) as {
      input: { fileName: string; bytes: Uint8Array };
      list: Uint8Array[];
    };
    expect(decoded.input.fileName).toBe('liste.csv');
    expect(decoded.input.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(decoded.input.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect([...decoded.list[0]]).toEqual([0, 255]);
  });

  it('encodes base64 as Node does', () => {
    const bytes = new Uint8Array([0xe9, 0x20, 0x80, 0x00, 0xff]);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
  });

  it('leaves ordinary values alone', () => {
    const value = { ok: true, value: { name: 'Soldes', counts: [1, 2], nothing: null, $dropdeskBytes: 'x', other: 1 } };
    expect(decodeWire(encodeWire(value))).toEqual(value);
    expect(decodeWire(encodeWire({ input: undefined }))).toEqual({});
  });
});
