import { describe, expect, it } from 'vitest';
import { checkProgrammedTime } from './programmed-time';

const now = new Date('2024-11-26T10:00:00Z');

describe('checkProgrammedTime', () => {
  it('accepts a time beyond the lead', () => {
    expect(checkProgrammedTime(new Date('2024-11-26T10:02:00Z'), now)).toEqual({ ok: true });
  });

  it('holds a time already passed, or too close for the provider', () => {
    expect(checkProgrammedTime(new Date('2024-11-26T10:00:00Z'), now)).toMatchObject({ ok: false, code: 'programmed-time-passed' });
    expect(checkProgrammedTime(new Date('2024-11-26T10:01:00Z'), now)).toEqual({ ok: false, code: 'programmed-time-too-soon', earliest: new Date('2024-11-26T10:02:00Z') });
    expect(checkProgrammedTime(new Date('2024-11-26T10:01:00Z'), now, 0)).toEqual({ ok: true });
  });
});
