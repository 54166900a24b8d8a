import { describe, expect, it } from 'vitest';
import { deliveryUnconfirmed } from './report-headline';

describe('deliveryUnconfirmed', () => {
  const categories = { delivered: 0, inProgress: 0, sentUnconfirmed: 0, undelivered: 0, notSent: 0, blacklisted: 0, other: 0 };
  it('is true when messages left without any delivery confirmed either way (iSendPro by mail)', () => {
    expect(deliveryUnconfirmed({ categories: { ...categories, sentUnconfirmed: 3, notSent: 1 } })).toBe(true);
  });
  it('is false as soon as one delivery is confirmed or refused, and for a report where nothing left', () => {
    expect(deliveryUnconfirmed({ categories: { ...categories, sentUnconfirmed: 3, delivered: 1 } })).toBe(false);
    expect(deliveryUnconfirmed({ categories: { ...categories, sentUnconfirmed: 3, undelivered: 1 } })).toBe(false);
    expect(deliveryUnconfirmed({ categories: { ...categories, notSent: 2 } })).toBe(false);
  });
});
