/**
 * The live counter's figures: "142/160 · 1 SMS · GSM-7" reads as units used
 * out of what the current number of SMS can hold, then the SMS and encoding.
 */
import { segmentCapacity, type SmsCount } from '@shared/composer/sms-count';

export interface CounterFigures {
  units: number;
  capacity: number;
  segments: number;
  encoding: SmsCount['encoding'];
  /** Units left before one more SMS is needed. */
  remaining: number;
}

export function counterFigures(count: SmsCount): CounterFigures {
  const capacities = segmentCapacity[count.encoding];
  const capacity = count.segments <= 1 ? capacities.single : count.segments * capacities.multipart;
  return { units: count.units, capacity, segments: count.segments, encoding: count.encoding, remaining: capacity - count.units };
}
