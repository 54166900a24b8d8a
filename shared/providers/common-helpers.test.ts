import { describe, expect, it } from 'vitest';
import { csvField, quotedCsvField, utf8ByteLength } from './csv-text';
import { generateDeliveryId, isValidDeliveryId } from './delivery-id';
import { countSendable, sendableNumber } from './sendable-table';

describe('csv helpers', () => {
  it('quotes only when needed, or always', () => {
    expect(csvField('Dupont')).toBe('Dupont');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(quotedCsvField('x')).toBe('"x"');
    expect(quotedCsvField('"')).toBe('""""');
  });

  it('counts UTF-8 bytes like TextEncoder', () => {
    for (const text of ['abc', 'é', '€', '😀', 'a😀é€\n', '\uD800x', '\uDC00']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('delivery ids', () => {
  it('are letters and digits, distinct, and deterministic given the clock and the random source', () => {
    const now = new Date('2024-11-16T14:00:00Z');
    const id = generateDeliveryId(now, () => 0.5);
    expect(id).toBe(`DD${now.getTime().toString(36)}IIIIII`.toUpperCase());
    expect(isValidDeliveryId(id)).toBe(true);
    const ids = new Set(Array.from({ length: 200 }, () => generateDeliveryId(now)));
    expect(ids.size).toBe(200);
    expect(isValidDeliveryId('DD-1')).toBe(false);
  });
});

describe('sendable rows', () => {
  it('sends only valid rows with a normalized number', () => {
    expect(sendableNumber({ status: 'valid', normalized: '33612345678' })).toBe('33612345678');
    expect(sendableNumber({ status: 'duplicate', normalized: '33612345678' })).toBeNull();
    expect(sendableNumber({ status: 'valid' })).toBeNull();
    expect(sendableNumber({ status: 'valid', normalized: '+33612345678' })).toBeNull();
    expect(countSendable({ columns: ['a'], rows: [['1'], ['2']], mobileColumn: 0, checks: [{ status: 'valid', normalized: '33612345678' }, { status: 'invalid' }] })).toBe(1);
  });
});
