import { describe, expect, it } from 'vitest';
import { describeAllmysmsReason, interpretAllmysmsAck, normalizeAllmysmsReason, parseTreatedName } from './allmysms-ack';

const remote = 'PromoDDK1_20240108080000_HQ.csv';

describe('interpretAllmysmsAck', () => {
  it('reads ARCHIVES/TreatedByMSI_<name> as accepted', () => {
    expect(interpretAllmysmsAck('archives', `TreatedByMSI_${remote}`, 'DDK1')).toEqual({ kind: 'accepted', campaignId: null });
  });

  it.each([
    ['Not_enough_credits', 'Not_enough_credits'],
    ['Empty_File', 'Empty_File'],
    ['Incorrect_FileName', 'Incorrect_FileName'],
    ['Incorrect FileName', 'Incorrect_FileName'],
    ['No_valid_TPOA', 'No_valid_TPOA'],
  ])('reads INVALIDS/TreatedByMSI_%s_<name> as a rejection with a plain-French reason', (raw, code) => {
    const result = interpretAllmysmsAck('invalids', `TreatedByMSI_${raw}_${remote}`, 'DDK1');
    expect(result).toMatchObject({ kind: 'rejected', code });
    if (result?.kind === 'rejected') {
      expect(result.message).toMatch(/AllMySMS/);
      expect(result.action.length).toBeGreaterThan(20);
      expect(result.detail).toBeUndefined();
    }
  });

  it('keeps an unknown reason verbatim', () => {
    expect(interpretAllmysmsAck('invalids', `TreatedByMSI_Blocked_Account_${remote}`, 'DDK1')).toMatchObject({
      kind: 'rejected',
      code: 'Blocked_Account',
      detail: 'Blocked_Account',
    });
    expect(interpretAllmysmsAck('invalids', `TreatedByMSI_${remote}`, 'DDK1')).toMatchObject({ kind: 'rejected', code: 'unknown' });
  });

  it('ignores entries about other drops', () => {
    expect(interpretAllmysmsAck('archives', 'TreatedByMSI_PromoDDK2_20240108080000_HQ.csv', 'DDK1')).toBeNull();
    expect(interpretAllmysmsAck('archives', remote, 'DDK1')).toBeNull();
  });
});

describe('reason helpers', () => {
  it('normalises the spec\u2019s two spellings and case', () => {
    expect(normalizeAllmysmsReason('Incorrect FileName')).toBe('Incorrect_FileName');
    expect(normalizeAllmysmsReason('not_enough_credits')).toBe('Not_enough_credits');
    expect(normalizeAllmysmsReason('Other')).toBeNull();
    expect(describeAllmysmsReason('Other').problem).toContain('« Other »');
  });

  it('splits the reason from the drop name even when both contain underscores', () => {
    expect(parseTreatedName(`TreatedByMSI_Incorrect_FileName_${remote}`, 'DDK1')).toEqual({ reason: 'Incorrect_FileName', remoteName: remote });
  });
});
