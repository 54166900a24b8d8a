/**
 * Digit automata: the digit-only regular expressions of libphonenumber's
 * metadata (`69(?:0\d\d|1(?:2[2-9]|3[0-5]))\d{4}`…) compiled at start into
 * deterministic tables indexed by the next digit, so checking a national
 * number is one table step per digit instead of a backtracking regular
 * expression with lookaheads. Several patterns combine into one automaton
 * whose final state carries a label (e.g. the kind of number), so one pass
 * over the digits answers what several regular expression tests did.
 *
 * Only the syntax the metadata uses for number patterns is accepted: digits,
 * `\d`, classes of digits, groups, `|` and the quantifiers `? * + {n} {n,}
 * {n,m}`. Anything else throws (the caller then keeps libphonenumber itself).
 */

type Node =
  | { type: 'set'; mask: number }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'repeat'; item: Node; min: number; max: number };

const allDigits = 0x3ff;
const unbounded = -1;

class Parser {
  private position = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.position !== this.source.length) this.fail();
    return node;
  }

  private fail(): never {
    throw new Error(`digit automaton: unsupported pattern at ${this.position}: ${this.source}`);
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.position++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { type: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (let char = this.peek(); char !== undefined && char !== '|' && char !== ')'; char = this.peek()) items.push(this.quantified());
    return { type: 'seq', items };
  }

  private quantified(): Node {
    let item = this.atom();
    for (;;) {
      const char = this.peek();
      if (char === '?') item = { type: 'repeat', item, min: 0, max: 1 };
      else if (char === '*') item = { type: 'repeat', item, min: 0, max: unbounded };
      else if (char === '+') item = { type: 'repeat', item, min: 1, max: unbounded };
      else if (char === '{') {
        const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
        if (!match) this.fail();
        const min = Number(match[1]);
        const max = match[2] === undefined ? min : match[3] === '' ? unbounded : Number(match[3]);
        item = { type: 'repeat', item, min, max };
        this.position += match[0].length - 1;
      } else return item;
      this.position++;
    }
  }

  private atom(): Node {
    const char = this.peek();
    if (char === undefined) this.fail();
    if (char >= '0' && char <= '9') {
      this.position++;
      return { type: 'set', mask: 1 << (char.charCodeAt(0) - 48) };
    }
    if (char === '\\') {
      if (this.source[this.position + 1] !== 'd') this.fail();
      this.position += 2;
      return { type: 'set', mask: allDigits };
    }
    if (char === '[') return this.characterClass();
    if (char === '(') {
      this.position++;
      if (this.source.startsWith('?:', this.position)) this.position += 2;
      else if (this.peek() === '?') this.fail();
      const node = this.alternation();
      if (this.peek() !== ')') this.fail();
      this.position++;
      return node;
    }
    return this.fail();
  }

  private characterClass(): Node {
    this.position++;
    if (this.peek() === '^') this.fail();
    let mask = 0;
    while (this.peek() !== ']') {
      const char = this.peek();
      if (char === undefined) this.fail();
      if (char === '\\') {
        if (this.source[this.position + 1] !== 'd') this.fail();
        mask |= allDigits;
        this.position += 2;
        continue;
      }
      if (char < '0' || char > '9') this.fail();
      const from = char.charCodeAt(0) - 48;
      let to = from;
      const next = this.source[this.position + 2];
      if (this.source[this.position + 1] === '-' && next !== undefined && next >= '0' && next <= '9') {
        to = next.charCodeAt(0) - 48;
        this.position += 2;
      }
      for (let digit = from; digit <= to; digit++) mask |= 1 << digit;
      this.position++;
    }
    this.position++;
    return { type: 'set', mask };
  }
}

/** A nondeterministic automaton (Thompson construction): per state, digit edges and empty edges. */
class Nfa {
  readonly edges: { mask: number; to: number }[][] = [];
  readonly empty: number[][] = [];

  state(): number {
    this.edges.push([]);
    this.empty.push([]);
    return this.edges.length - 1;
  }

  /** Adds `node` between `from` and a new state, which it returns. */
  build(node: Node, from: number): number {
    switch (node.type) {
      case 'set': {
        const to = this.state();
        this.edges[from].push({ mask: node.mask, to });
        return to;
      }
      case 'seq': {
        let at = from;
        for (const item of node.items) at = this.build(item, at);
        return at;
      }
      case 'alt': {
        const end = this.state();
        for (const option of node.options) this.empty[this.build(option, from)].push(end);
        return end;
      }
      case 'repeat': {
        let at = from;
        for (let i = 0; i < node.min; i++) at = this.build(node.item, at);
        if (node.max === unbounded) {
          const loop = this.state();
          this.empty[at].push(loop);
          this.empty[this.build(node.item, loop)].push(loop);
          return loop;
        }
        const end = this.state();
        this.empty[at].push(end);
        for (let i = node.min; i < node.max; i++) {
          at = this.build(node.item, at);
          this.empty[at].push(end);
        }
        return end;
      }
    }
  }
}

/** A deterministic automaton over the digits 0–9: `next[state * 10 + digit]` (-1: no match possible), `label[state]` at the end. */
export interface DigitAutomaton {
  next: Int32Array;
  label: Uint8Array;
}

/** Compiles one whole-string pattern (as if written `^(?:pattern)$`): label 1 when it matches, 0 otherwise. */
export function compileDigitPattern(source: string): DigitAutomaton {
  const nfa = new Nfa();
  const start = nfa.state();
  const final = nfa.build(new Parser(source).parse(), start);
  // Each NFA state's empty-edge closure, computed once; a set's closure is their union.
  const reach: number[][] = nfa.empty.map((_, state) => {
    const seen = new Set<number>([state]);
    const stack = [state];
    while (stack.length > 0) {
      for (const to of nfa.empty[stack.pop()!]) {
        if (seen.has(to)) continue;
        seen.add(to);
        stack.push(to);
      }
    }
    return [...seen];
  });
  const mark = new Uint8Array(nfa.empty.length);
  const closure = (states: readonly number[]): number[] => {
    const out: number[] = [];
    for (const state of states) {
      for (const to of reach[state]) {
        if (mark[to] !== 0) continue;
        mark[to] = 1;
        out.push(to);
      }
    }
    for (const state of out) mark[state] = 0;
    return out.sort((a, b) => a - b);
  };
  const sets: number[][] = [];
  const index = new Map<string, number>();
  const next: number[] = [];
  const label: number[] = [];
  const add = (set: number[]): number => {
    if (set.length === 0) return -1;
    const key = set.join(',');
    const known = index.get(key);
    if (known !== undefined) return known;
    index.set(key, sets.length);
    sets.push(set);
    label.push(set.includes(final) ? 1 : 0);
    return sets.length - 1;
  };
  add(closure([start]));
  for (let state = 0; state < sets.length; state++) {
    for (let digit = 0; digit < 10; digit++) {
      const targets: number[] = [];
      for (const from of sets[state]) for (const edge of nfa.edges[from]) if (edge.mask & (1 << digit)) targets.push(edge.to);
      next[state * 10 + digit] = add(closure(targets));
    }
  }
  return { next: Int32Array.from(next), label: Uint8Array.from(label) };
}

/**
 * Runs several automata side by side as one: a state is the tuple of their
 * states, its label `labelOf(accepted)` where `accepted[i]` says whether
 * automaton i accepts there. `alive(states)` may declare a tuple hopeless
 * (every longer input gets label 0), which keeps the table small.
 */
export function combineDigitAutomata(
  parts: readonly DigitAutomaton[],
  labelOf: (accepted: readonly boolean[]) => number,
  alive: (states: readonly number[]) => boolean = (states) => states.some((state) => state >= 0),
): DigitAutomaton {
  const tuples: number[][] = [];
  const index = new Map<string, number>();
  const next: number[] = [];
  const label: number[] = [];
  const add = (tuple: number[]): number => {
    if (!alive(tuple)) return -1;
    const key = tuple.join(',');
    const known = index.get(key);
    if (known !== undefined) return known;
    index.set(key, tuples.length);
    tuples.push(tuple);
    label.push(labelOf(tuple.map((state, i) => state >= 0 && parts[i].label[state] === 1)));
    return tuples.length - 1;
  };
  add(parts.map(() => 0));
  for (let state = 0; state < tuples.length; state++) {
    for (let digit = 0; digit < 10; digit++) {
      next[state * 10 + digit] = add(tuples[state].map((part, i) => (part < 0 ? -1 : parts[i].next[part * 10 + digit])));
    }
  }
  if (tuples.length === 0) return { next: new Int32Array(10).fill(-1), label: new Uint8Array(1) };
  return { next: Int32Array.from(next), label: Uint8Array.from(label) };
}

/** The label of `value.slice(start)` (0 when a character is not a digit or no pattern can match). */
export function runDigitAutomaton(automaton: DigitAutomaton, value: string, start = 0): number {
  const { next } = automaton;
  let state = 0;
  for (let i = start; i < value.length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    state = next[state * 10 + digit];
    if (state < 0) return 0;
  }
  return automaton.label[state];
}
