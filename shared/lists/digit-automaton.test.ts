import { describe, expect, it } from 'vitest';
import { combineDigitAutomata, compileDigitPattern, runDigitAutomaton } from './digit-automaton';
import { frenchPlan, kindByPatterns, kindIn } from './french-numbering-plan';

const matches = (pattern: string, value: string) => runDigitAutomaton(compileDigitPattern(pattern), value) === 1;

describe('digit automaton', () => {
  it('matches exactly what the anchored regular expression matches', () => {
    const patterns = ['69(?:0\\d\\d|1(?:2[2-9]|3[0-5]))\\d{4}', '[1-9]\\d{8}', '(?:26|[689]\\d)\\d{7}|709\\d{6}', '\\d{4,6}', '1?2{2,}3*4+', '8[\\d]{0,2}'];
    for (const pattern of patterns) {
      const regex = new RegExp(`^(?:${pattern})$`);
      for (let length = 0; length <= 10; length++) {
        for (let i = 0; i < 400; i++) {
          const value = Array.from({ length }, (_, k) => String((i * 7919 + k * 104729 + length * 31) % 10)).join('');
          expect(matches(pattern, value), `${pattern} on ${value}`).toBe(regex.test(value));
        }
      }
      for (const value of ['690012345', '691223456', '6913512345', '2212345', '1223334444', '8', '899', '8999']) {
        expect(matches(pattern, value), `${pattern} on ${value}`).toBe(regex.test(value));
      }
    }
  });

  it('rejects non-digits and starts where asked', () => {
    expect(matches('\\d{3}', '12a')).toBe(false);
    expect(runDigitAutomaton(compileDigitPattern('\\d{3}'), '0612', 1)).toBe(1);
  });

  it('refuses syntax it does not model rather than guess', () => {
    for (const pattern of ['a', '(?=1)2', '[^1]', '.', '1$', '\\s']) expect(() => compileDigitPattern(pattern)).toThrow();
  });

  it('combines automata into one labelled pass', () => {
    const both = combineDigitAutomata([compileDigitPattern('6\\d'), compileDigitPattern('\\d7')], ([a, b]) => (a ? 1 : 0) + (b ? 2 : 0));
    expect(['67', '61', '17', '11'].map((value) => runDigitAutomaton(both, value))).toEqual([3, 1, 2, 0]);
  });
});

describe('French-plan kind automata', () => {
  it('give the same kind as the metadata patterns for every 4-digit prefix of every region', () => {
    expect(frenchPlan).not.toBeNull();
    let checked = 0;
    const mismatches: string[] = [];
    for (const region of frenchPlan!.regions) {
      for (let prefix = 0; prefix < 10_000; prefix++) {
        for (const tail of ['', '0', '00000', '12345', '99999', '50505', '123456', '0000000', '98765432']) {
          const national = String(prefix).padStart(4, '0') + tail;
          if (kindIn(region, national) !== kindByPatterns(region, national) && mismatches.length < 20) mismatches.push(`${region.code} ${national}`);
          checked++;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(frenchPlan!.regions.length * 90_000);
  });
});
