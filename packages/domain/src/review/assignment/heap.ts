// A binary min-heap of (key, node) on typed arrays for Dijkstra. Lazy: a node may be pushed
// more than once; the caller skips entries whose key is no longer the node's distance.

export class MinHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;
  /** Key of the entry the last pop() returned. */
  key = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }

  clear() {
    this.size = 0;
  }

  push(key: number, val: number) {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const v = new Int32Array(this.size * 2);
      v.set(this.vals);
      this.keys = k;
      this.vals = v;
    }
    const { keys, vals } = this;
    let i = this.size++;
    // Ties go to the smaller node so the order never depends on insertion history alone.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] < key || (keys[parent] === key && vals[parent] <= val)) break;
      keys[i] = keys[parent];
      vals[i] = vals[parent];
      i = parent;
    }
    keys[i] = key;
    vals[i] = val;
  }

  /** Removes and returns the node with the smallest key (its key in `this.key`). */
  pop(): number {
    const { keys, vals } = this;
    const top = vals[0];
    this.key = keys[0];
    const n = --this.size;
    if (n > 0) {
      const key = keys[n];
      const val = vals[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (keys[c + 1] < keys[c] || (keys[c + 1] === keys[c] && vals[c + 1] < vals[c]))) c++;
        if (key < keys[c] || (key === keys[c] && val <= vals[c])) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = key;
      vals[i] = val;
    }
    return top;
  }
}
