/**
 * A set of integers up to 2^53 (international phone digits) in one
 * Float64Array with open addressing. Deduplicating a million numbers this way
 * allocates nothing per number, unlike a Set of strings, which matters when
 * the heap already holds a million parsed rows.
 */
export class NumberSet {
  private keys: Float64Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** Adds a positive integer; false when it was already there. */
  add(key: number): boolean {
    let slot = this.slotOf(key);
    const keys = this.keys;
    for (;;) {
      const current = keys[slot];
      if (current === 0) break;
      if (current === key) return false;
      slot = (slot + 1) & this.mask;
    }
    keys[slot] = key;
    if (++this.count * 2 > keys.length) this.grow();
    return true;
  }

  get size(): number {
    return this.count;
  }

  private slotOf(key: number): number {
    const low = key >>> 0;
    const high = (key / 4294967296) >>> 0;
    let hash = Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1);
    hash ^= hash >>> 15;
    return hash & this.mask;
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.add(old[i]);
  }
}
