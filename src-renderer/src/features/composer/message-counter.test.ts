import { describe, expect, it } from 'vitest';
import { countSms } from '@shared/composer/sms-count';
import { counterFigures } from './message-counter';

describe('counterFigures', () => {
  it('reads an empty message as 0/160 and 0 SMS', () => {
    expect(counterFigures(countSms(''))).toMatchObject({ units: 0, capacity: 160, segments: 0, encoding: 'GSM-7' });
  });

  it('uses the multipart capacity once the message spans several SMS', () => {
    expect(counterFigures(countSms('a'.repeat(161)))).toMatchObject({ units: 161, capacity: 306, segments: 2, remaining: 145 });
  });

  it('counts UCS-2 capacities when a character is outside GSM-7', () => {
    expect(counterFigures(countSms('l’été'))).toMatchObject({ units: 5, capacity: 70, segments: 1, encoding: 'UCS-2' });
    expect(counterFigures(countSms('’'.repeat(71)))).toMatchObject({ capacity: 134, segments: 2 });
  });
});
