/**
 * The demo iSendPro account's answer per number, so a demo campaign's report
 * looks like a real one: most numbers « envoyé » (0), a few not attributed
 * (21) or on a Full MVNO (22), and about 2 % on iSendPro's blacklist (11,
 * which feeds the local opt-out list). Drawn from the number itself, so a
 * number always gets the same answer. Only final codes: a demo campaign
 * always ends accepted.
 */
const mix: readonly { code: number; perMille: number }[] = [
  { code: 11, perMille: 20 },
  { code: 21, perMille: 30 },
  { code: 22, perMille: 15 },
];

/** FNV-1a: a stable spread of numbers that differ by their last digits. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function demoIsendproCode(number: string): number {
  let slot = hash(number) % 1000;
  for (const { code, perMille } of mix) {
    if (slot < perMille) return code;
    slot -= perMille;
  }
  return 0;
}
