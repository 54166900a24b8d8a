import { describe, expect, it } from 'vitest';
import { frenchDisplayNumber, reasonInWords } from './number-words';

describe('numbers and reasons in the user words (issue 11 §7)', () => {
  it('writes numbers as French people do', () => {
    expect(frenchDisplayNumber('33612345678')).toBe('06 12 34 56 78');
    expect(frenchDisplayNumber('590690123456')).toBe('0690 12 34 56');
    expect(frenchDisplayNumber('32470123456')).toBe('+32470123456');
  });
  it('says what is wrong in words', () => {
    expect(reasonInWords('6,10085E+08', 'malformed')).toEqual({ key: 'excel' });
    expect(reasonInWords('06 12 34 56', 'malformed')).toEqual({ key: 'digits', count: 8 });
    expect(reasonInWords('06 12 AB 56 78', 'malformed')).toEqual({ key: 'letters' });
    expect(reasonInWords('01 23 45 67 89', 'landline')).toEqual({ key: 'landline' });
    expect(reasonInWords('', 'empty')).toEqual({ key: 'empty' });
  });
});
