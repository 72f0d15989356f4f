/**
 * The first row of each card number in a sheet, for CARD_DUPLICATE. A Map of 100.000 card
 * strings cost a fifth of validating a large sheet: each lookup compared keys that are strings
 * spread over the heap. This table probes (hash, index) pairs packed in one Int32Array and reads
 * a card's text only when its hash matches, so a new card touches one place in memory.
 */
const EMPTY = 0;
const FIRST_CAPACITY = 1024;

/** FNV-1a over UTF-16 code units; never EMPTY. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 1;
}

export class FirstRows {
  /** Slot k holds a hash at 2k (EMPTY: free) and the index of its text at 2k + 1; at most half the slots are used. */
  private slots = new Int32Array(2 * FIRST_CAPACITY);
  private mask = FIRST_CAPACITY - 1;
  private readonly texts: string[] = [];
  private readonly rows: number[] = [];

  /** The row where `text` was first seen, or undefined when this is the first time (then `row` is remembered). */
  firstRow(text: string, row: number): number | undefined {
    const hash = hashOf(text);
    let at = hash & this.mask;
    for (let seen = this.slots[2 * at] ?? EMPTY; seen !== EMPTY; seen = this.slots[2 * at] ?? EMPTY) {
      if (seen === hash) {
        const index = this.slots[2 * at + 1] ?? 0;
        if (this.texts[index] === text) return this.rows[index];
      }
      at = (at + 1) & this.mask;
    }
    this.slots[2 * at] = hash;
    this.slots[2 * at + 1] = this.texts.length;
    this.texts.push(text);
    this.rows.push(row);
    if (this.texts.length * 2 > this.mask + 1) this.grow();
    return undefined;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let k = 0; k < old.length; k += 2) {
      const hash = old[k] ?? EMPTY;
      if (hash === EMPTY) continue;
      let at = hash & this.mask;
      while (this.slots[2 * at] !== EMPTY) at = (at + 1) & this.mask;
      this.slots[2 * at] = hash;
      this.slots[2 * at + 1] = old[k + 1] ?? 0;
    }
  }
}
