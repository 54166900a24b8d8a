import { describe, expect, it } from 'vitest';
import { cleanCampaignName, fileCampaignName, validateCampaignName } from './campaign-name';

describe('validateCampaignName', () => {
  it('accepts letters with accents, digits and spaces', () => {
    expect(validateCampaignName('Campagne Soldes Hiver 2022')).toMatchObject({ ok: true, problems: [] });
    expect(validateCampaignName('Fête de l Été Œuvre Ça 3')).toMatchObject({ ok: true });
  });

  it('accepts decomposed accents once recomposed', () => {
    expect(validateCampaignName('Fe\u0302te').ok).toBe(true);
  });

  it('lists the refused characters, including the name separators - and _', () => {
    const check = validateCampaignName('Soldes-Hiver_2024 / -50% !');
    expect(check.ok).toBe(false);
    expect(check.problems).toContain('invalid-characters');
    expect(check.invalidCharacters).toEqual(['-', '_', '/', '%', '!']);
    expect(check.suggestion).toBe('Soldes Hiver 2024 50');
  });

  it('flags empty, spaced and long names', () => {
    expect(validateCampaignName('   ').problems).toEqual(['empty', 'extra-spaces']);
    expect(validateCampaignName(' Soldes').problems).toEqual(['extra-spaces']);
    expect(validateCampaignName('Soldes  Hiver').problems).toEqual(['extra-spaces']);
    expect(validateCampaignName('a'.repeat(101)).problems).toEqual(['too-long']);
  });

  it('refuses emoji and non-Latin letters', () => {
    expect(validateCampaignName('Soldes 🎉').invalidCharacters).toEqual(['🎉']);
    expect(validateCampaignName('Распродажа').ok).toBe(false);
  });
});

describe('cleanCampaignName', () => {
  it('turns refused characters into single spaces and trims', () => {
    expect(cleanCampaignName("  L'été -- c'est   top!! ")).toBe('L été c est top');
    expect(cleanCampaignName('Promo🎉Noël')).toBe('Promo Noël');
    expect(cleanCampaignName('***')).toBe('');
  });

  it('cuts to the maximum length without a trailing space', () => {
    expect(cleanCampaignName('abc def', 4)).toBe('abc');
    expect(cleanCampaignName('é'.repeat(150))).toHaveLength(100);
  });
});

describe('fileCampaignName', () => {
  it('derives the file name from the name the user typed, which stays as typed', () => {
    expect(fileCampaignName('Rappel rendez-vous')).toBe('Rappel rendez vous');
    expect(fileCampaignName('Soldes d’hiver -20%')).toBe('Soldes d hiver 20');
    expect(validateCampaignName(fileCampaignName('Soldes d’hiver -20%')).ok).toBe(true);
  });
  it('takes the user override when there is one, cleaned too', () => {
    expect(fileCampaignName('Rappel rendez-vous', 'RDV decembre')).toBe('RDV decembre');
    expect(fileCampaignName('Rappel', '  RDV/12 ')).toBe('RDV 12');
    expect(fileCampaignName('%%%')).toBe('');
  });
});
