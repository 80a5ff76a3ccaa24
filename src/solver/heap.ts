/**
 * Indexed binary min-heap over the integer ids `0 .. capacity - 1`, each keyed by a float
 * priority. Backed by typed arrays sized once: no operation allocates. Equal priorities pop in
 * ascending id order, so every run over the same input pops in the same order.
 *
 * Preconditions are not checked (this is the inner loop of the solver): ids must be integers in
 * range and priorities must not be NaN.
 */
export class IndexedMinHeap {
  /** Ids in heap order; the first `length` entries are live. */
  private readonly items: Int32Array;
  /** Priority of the id at each heap position (kept beside `items`, so sifting reads in order). */
  private readonly keys: Float64Array;
  /** Position of each id in `items`, or -1 when the id is not in the heap. */
  private readonly position: Int32Array;
  private length = 0;

  /**
   * @param capacity - Number of ids; the heap holds any subset of `0 .. capacity - 1`.
   */
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  /** Number of ids the heap was sized for. */
  get capacity(): number {
    return this.position.length;
  }

  /** Number of ids currently in the heap. */
  get size(): number {
    return this.length;
  }

  /**
   * @param id - An id in `0 .. capacity - 1`.
   * @returns Whether the id is in the heap.
   */
  has(id: number): boolean {
    return this.position[id]! >= 0;
  }

  /**
   * @param id - An id in `0 .. capacity - 1`.
   * @returns The id's priority while it is in the heap, `Infinity` otherwise.
   */
  keyOf(id: number): number {
    const at = this.position[id]!;
    return at >= 0 ? this.keys[at]! : Infinity;
  }

  /** @returns The id with the smallest priority (lowest id among ties), or -1 when empty. */
  peek(): number {
    return this.length > 0 ? this.items[0]! : -1;
  }

  /** @returns The smallest priority, or `Infinity` when empty. */
  peekKey(): number {
    return this.length > 0 ? this.keys[0]! : Infinity;
  }

  /**
   * Inserts an id that is not in the heap.
   *
   * @param id - An id in `0 .. capacity - 1`, not in the heap.
   * @param key - Its priority, not NaN.
   */
  push(id: number, key: number): void {
    this.siftUp(id, key, this.length++);
  }

  /**
   * Lowers the priority of an id already in the heap.
   *
   * @param id - An id in the heap.
   * @param key - Its new priority, not above the current one.
   */
  decreaseKey(id: number, key: number): void {
    this.siftUp(id, key, this.position[id]!);
  }

  /**
   * Inserts the id, or lowers its priority when it is already in the heap with a larger one.
   *
   * @param id - An id in `0 .. capacity - 1`.
   * @param key - Its priority, not NaN.
   * @returns Whether the heap changed.
   */
  offer(id: number, key: number): boolean {
    const at = this.position[id]!;
    if (at < 0) {
      this.siftUp(id, key, this.length++);
      return true;
    }
    if (key < this.keys[at]!) {
      this.siftUp(id, key, at);
      return true;
    }
    return false;
  }

  /** Removes and returns the id with the smallest priority (lowest id among ties); -1 when empty. */
  pop(): number {
    if (this.length === 0) return -1;
    const top = this.items[0]!;
    this.position[top] = -1;
    this.length--;
    if (this.length > 0) this.siftDown(this.items[this.length]!, this.keys[this.length]!, 0);
    return top;
  }

  /** Empties the heap in time proportional to its size. */
  clear(): void {
    const { items, position } = this;
    for (let i = 0; i < this.length; i++) position[items[i]!] = -1;
    this.length = 0;
  }

  /** Moves (`id`, `key`) from position `at` towards the root until its parent comes before it. */
  private siftUp(id: number, key: number, at: number): void {
    const { items, keys, position } = this;
    let hole = at;
    while (hole > 0) {
      const parentAt = (hole - 1) >> 1;
      const parentKey = keys[parentAt]!;
      const parent = items[parentAt]!;
      // Strict heap order: smaller priority first, then smaller id.
      if (parentKey < key || (parentKey === key && parent < id)) break;
      items[hole] = parent;
      keys[hole] = parentKey;
      position[parent] = hole;
      hole = parentAt;
    }
    items[hole] = id;
    keys[hole] = key;
    position[id] = hole;
  }

  /** Places (`id`, `key`) at position `at`, then moves it down until both children come after it. */
  private siftDown(id: number, key: number, at: number): void {
    const { items, keys, position } = this;
    const n = this.length;
    let hole = at;
    for (;;) {
      let childAt = 2 * hole + 1;
      if (childAt >= n) break;
      let childKey = keys[childAt]!;
      let child = items[childAt]!;
      const rightAt = childAt + 1;
      if (rightAt < n) {
        const rightKey = keys[rightAt]!;
        const right = items[rightAt]!;
        if (rightKey < childKey || (rightKey === childKey && right < child)) {
          childAt = rightAt;
          childKey = rightKey;
          child = right;
        }
      }
      if (key < childKey || (key === childKey && id < child)) break;
      items[hole] = child;
      keys[hole] = childKey;
      position[child] = hole;
      hole = childAt;
    }
    items[hole] = id;
    keys[hole] = key;
    position[id] = hole;
  }
}
