/**
 * Oracle test: our counter must agree with the reference calculator
 * `sms-segments-calculator` (Twilio's message-segment-calculator, a dev
 * dependency only) on encoding, units and segments for a large generated
 * corpus. The one known, documented disagreement is asserted precisely below.
 */
import { describe, expect, it } from 'vitest';
import { SegmentedMessage } from 'sms-segments-calculator';
import GraphemeSplitter from 'grapheme-splitter';
import { countSms, segmentSms, type SmsCount } from './sms-count';
import { boundaryMessages, messageCorpus, randomMessages, seededRandom } from '../../test/fixtures/composer/message-corpus';

interface OracleCount {
  encoding: string;
  units: number;
  segments: number;
}

function oracleCount(message: string): OracleCount {
  const reference = new SegmentedMessage(message);
  const bitsPerUnit = reference.encodingName === 'GSM-7' ? 7 : 16;
  return {
    encoding: reference.encodingName,
    // messageSize is in bits without the concatenation headers.
    units: reference.messageSize / bitsPerUnit,
    // The calculator always reports one (empty) segment; an empty message costs nothing.
    segments: message.length === 0 ? 0 : reference.segmentsCount,
  };
}

function ours(message: string): OracleCount {
  const { encoding, units, segments }: SmsCount = countSms(message);
  return { encoding, units, segments };
}

const splitter = new GraphemeSplitter();
const intlSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Atom lengths (UTF-16) as the oracle sees them: grapheme-splitter 1.0.4, CR LF split in two. */
function oracleAtoms(message: string): number[] {
  return splitter.splitGraphemes(message).flatMap((g) => (g === '\r\n' ? [1, 1] : [g.length]));
}

function intlAtoms(message: string): number[] {
  return [...intlSegmenter.segment(message)].flatMap(({ segment }) => (segment === '\r\n' ? [1, 1] : [segment.length]));
}

/** Greedy 70/67 packing over given atoms: the rule both calculators apply in UCS-2. */
function greedyUcs2Segments(atoms: number[]): number {
  const total = atoms.reduce((sum, n) => sum + n, 0);
  if (total === 0) return 0;
  if (total <= 70) return 1;
  let segments = 1;
  let used = 0;
  for (const atom of atoms) {
    if (used + atom > 67) {
      segments++;
      used = 0;
    }
    used += atom;
  }
  return segments;
}

describe('countSms agrees with sms-segments-calculator (oracle)', () => {
  it('agrees on every message sized at a segment boundary, with escape pairs, surrogates and emoji sequences straddling it', () => {
    const messages = ['', ' ', '€', '\n', '\r\n', '😀', ...boundaryMessages(seededRandom(7))];
    expect(messages.length).toBeGreaterThan(1000);
    const disagreements = messages.filter((message) => JSON.stringify(ours(message)) !== JSON.stringify(oracleCount(message)));
    expect(disagreements).toEqual([]);
  });

  it('agrees on thousands of generated messages, except where the oracle cuts a modern grapheme cluster', () => {
    const corpus = randomMessages(20240601, 2500);
    let agreed = 0;
    const knownQuirk: string[] = [];
    for (const message of corpus) {
      const expected = oracleCount(message);
      const actual = ours(message);
      if (JSON.stringify(actual) === JSON.stringify(expected)) {
        agreed++;
        continue;
      }
      // KNOWN ORACLE QUIRK, wrong per the issue's rule "a segment never splits
      // a grapheme cluster": the calculator splits graphemes with
      // grapheme-splitter 1.0.4 (Unicode 10 rules), which cuts clusters that
      // Unicode 11–15 made whole: skin tones on newer emoji (🫶🏼, 🫃🏽), hair
      // components (🧑🏽‍🦰), Indic conjuncts (क्ष). When such a cluster falls
      // on a segment boundary the calculator splits it across two SMS and
      // bills one fewer. Encoding and units must still agree, and the segment
      // counts must be exactly what the same greedy rule gives over each
      // splitter's clusters, so the only difference is the Unicode version.
      expect(actual.encoding, JSON.stringify(message)).toBe(expected.encoding);
      expect(actual.units, JSON.stringify(message)).toBe(expected.units);
      expect(actual.encoding).toBe('UCS-2');
      expect(greedyUcs2Segments(oracleAtoms(message))).toBe(expected.segments);
      expect(greedyUcs2Segments(intlAtoms(message))).toBe(actual.segments);
      knownQuirk.push(message);
    }
    // Keep the documented disagreements rare: at most 1 in 500 messages.
    expect(knownQuirk.length).toBeLessThanOrEqual(Math.ceil(corpus.length / 500));
    expect(agreed + knownQuirk.length).toBe(corpus.length);
    console.info(`oracle corpus: ${corpus.length} messages, ${agreed} agree, ${knownQuirk.length} known grapheme-splitter quirk(s)`);
  });

  it('shows the quirk on a minimal message: the oracle cuts 🫶🏼 between two SMS, we keep it whole', () => {
    // 65 units, then the 4-unit cluster 🫶🏼 (two surrogate pairs), then 64: 133 units.
    const message = 'ô' + 'x'.repeat(64) + '🫶🏼' + 'y'.repeat(64);
    // The oracle puts 🫶 at units 66–67 of SMS 1 and the skin tone 🏼 in SMS 2: 67 + 66.
    expect(oracleCount(message)).toEqual({ encoding: 'UCS-2', units: 133, segments: 2 });
    // We keep the cluster whole: 65 + 67 + 1.
    expect(ours(message)).toEqual({ encoding: 'UCS-2', units: 133, segments: 3 });
    expect(segmentSms(message).spans.map((p) => [p.start, p.end])).toEqual([
      [0, 65],
      [65, 132],
      [132, 133],
    ]);
  });

  it('never cuts a grapheme cluster, a surrogate pair or an escape pair in the segments it draws', () => {
    for (const message of messageCorpus(99, 300)) {
      const { spans: parts, units, segments } = segmentSms(message);
      expect(parts.length).toBe(segments);
      expect(parts.reduce((sum, p) => sum + p.units, 0)).toBe(units);
      const clusterStarts = new Set([...intlSegmenter.segment(message)].map((s) => s.index));
      for (const part of parts.slice(1)) {
        const crlfCut = message[part.start - 1] === '\r' && message[part.start] === '\n';
        expect(clusterStarts.has(part.start) || crlfCut, JSON.stringify(message)).toBe(true);
      }
    }
  });
});
