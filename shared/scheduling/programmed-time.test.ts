import { describe, expect, it } from 'vitest';
import { checkProgrammedTime, encodeSchedule } from './programmed-time';

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

describe('encodeSchedule', () => {
  const uploadStart = new Date('2024-11-26T10:00:00Z');
  it('MediasFlow: stamp = upload start, PROG = programmed time, both in Paris time', () => {
    expect(encodeSchedule('mediasflow-sftp', new Date('2024-11-26T10:30:00Z'), uploadStart)).toEqual({ provider: 'mediasflow', stamp: '20241126110000', prog: '202411261130' });
    expect(encodeSchedule('mediasflow-sftp', null, uploadStart)).toEqual({ provider: 'mediasflow', stamp: '20241126110000', prog: null });
  });

  it('AllMySMS: the name date is the send date', () => {
    expect(encodeSchedule('allmysms-ftp', new Date('2024-11-27T07:15:00Z'), uploadStart)).toEqual({ provider: 'allmysms', sendDate: '20241127081500' });
    expect(encodeSchedule('allmysms-sftp', null, uploadStart)).toEqual({ provider: 'allmysms', sendDate: '20241126110000' });
  });
});
