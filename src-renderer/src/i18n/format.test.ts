import { describe, expect, it } from 'vitest';
import { countryBreakdown, countryName, formatCount, formatEuros, formatParisShort, formatSpokenDateTime } from './format';

describe('formatting', () => {
  it('groups thousands the French way and the English way', () => {
    expect(formatCount(1_000_000, 'fr').replace(/\s/g, ' ')).toBe('1 000 000');
    expect(formatCount(1_000_000, 'en')).toBe('1,000,000');
  });

  it('names countries in the user language, most recipients first', () => {
    expect(countryName('BE', 'fr')).toBe('Belgique');
    expect(countryName('BE', 'en')).toBe('Belgium');
    expect(countryBreakdown({ BE: 1, FR: 4, CH: 1 }, 'fr').map((c) => c.name)).toEqual(['France', 'Belgique', 'Suisse']);
  });
});

describe('dates, times and money the French way (issue 11 §8)', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  it('says a programmed time as people say it, Paris time', () => {
    expect(formatSpokenDateTime('2026-12-01T07:55:00Z', 'fr', now)).toBe('mardi 1er décembre à 8 h 55');
    expect(formatSpokenDateTime('2026-12-07T07:00:00Z', 'fr', now)).toBe('lundi 7 décembre à 8 h');
    expect(formatSpokenDateTime('2027-01-04T07:00:00Z', 'fr', now)).toBe('lundi 4 janvier 2027 à 8 h');
    expect(formatSpokenDateTime('2026-12-01T07:55:00Z', 'en', now)).toBe('Tuesday 1 December at 08:55');
  });
  it('writes dates day first and euros with a comma', () => {
    expect(formatParisShort('2026-12-01T07:55:00Z', 'fr')).toBe('01/12/2026 08:55');
    expect(formatParisShort('2026-12-01T07:55:00Z', 'en')).toBe('01/12/2026, 08:55');
    expect(formatEuros(12.5, 'fr').replace(/\s/g, ' ')).toBe('12,50 €');
    expect(formatEuros(0.045, 'fr').replace(/\s/g, ' ')).toBe('0,045 €');
  });
});
