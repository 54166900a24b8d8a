import { describe, expect, it } from 'vitest';
import { findMobileColumn, isMobileColumnName, resolveColumnByName } from './mobile-column';

describe('mobile column', () => {
  it.each(['SMS', 'sms', ' Portable ', 'PORTABLE', 'mobile', 'Mobile', 'GSM', 'gsm', 'Mobilé', 'PORTÂBLE'])('accepts %j', (name) => {
    expect(isMobileColumnName(name)).toBe(true);
  });

  it.each(['Téléphone', 'Tel', 'Numéro mobile', 'SMS 2', ''])('refuses %j', (name) => {
    expect(isMobileColumnName(name)).toBe(false);
  });

  it('chooses the single match, leaves none or several to the user', () => {
    expect(findMobileColumn(['Nom', 'SMS', 'Ville'])).toEqual({ index: 1, candidates: ['SMS'] });
    expect(findMobileColumn(['Nom', 'Téléphone'])).toEqual({ index: null, candidates: [] });
    expect(findMobileColumn(['Nom', 'SMS', 'Mobile'])).toEqual({ index: null, candidates: ['SMS', 'Mobile'] });
  });

  it('resolves a name typed by the user, exactly first, then loosely', () => {
    expect(resolveColumnByName(['Nom', 'Téléphone'], 'Téléphone')).toBe(1);
    expect(resolveColumnByName(['Nom', 'Téléphone'], 'telephone')).toBe(1);
    expect(resolveColumnByName(['Nom', 'Téléphone'], 'Ville')).toBeNull();
  });
});
