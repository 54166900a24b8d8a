import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter';

describe('detectDelimiter', () => {
  it('finds semicolons, commas and tabs', () => {
    expect(detectDelimiter('Nom;Prénom;SMS\r\nA;B;0611111111\r\n')).toBe(';');
    expect(detectDelimiter('Nom,Prénom,SMS\nA,B,0611111111\n')).toBe(',');
    expect(detectDelimiter('Nom\tPrénom\tSMS\nA\tB\t0611111111\n')).toBe('\t');
  });

  it('prefers the steady semicolon count over irregular decimal commas', () => {
    expect(detectDelimiter('Nom;Prix;SMS\nA;12,50;06\nB;7,00;06\nC;8;06\nD;1,234,5;06\n')).toBe(';');
  });

  it('ignores delimiters inside quoted fields, line breaks included', () => {
    const text = 'Nom,Adresse,SMS\n"Durand","1 rue X; Bât. B; 2e étage",06\n"Morel","a;\nb;c;d",06\n';
    expect(detectDelimiter(text)).toBe(',');
  });

  it('falls back to ; for a single column', () => {
    expect(detectDelimiter('SMS\n0611111111\n0622222222\n')).toBe(';');
  });
});
