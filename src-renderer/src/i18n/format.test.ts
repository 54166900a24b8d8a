import { describe, expect, it } from 'vitest';
import { countryBreakdown, countryName, formatCount } from './format';

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
