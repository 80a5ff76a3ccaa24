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
  /** Position of each id in `items`, or -1 when the id is not in the heap. */
  private readonly position: Int32Array;
  /** Priority of each id, meaningful while the id is in the heap. */
  private readonly priority: Float64Array;
  private length = 0;

  /**
   * @param capacity - Number of ids; the heap holds any subset of `0 .. capacity - 1`.
   */
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
    this.priority = new Float64Array(capacity);
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
    return this.position[id]! >= 0 ? this.priority[id]! : Infinity;
  }

  /** @returns The id with the smallest priority (lowest id among ties), or -1 when empty. */
  peek(): number {
    return this.length > 0 ? this.items[0]! : -1;
  }

  /** @returns The smallest priority, or `Infinity` when empty. */
  peekKey(): number {
    return this.length > 0 ? this.priority[this.items[0]!]! : Infinity;
  }

  /**
   * Inserts an id that is not in the heap.
   *
   * @param id - An id in `0 .. capacity - 1`, not in the heap.
   * @param key - Its priority, not NaN.
   */
  push(id: number, key: number): void {
    this.priority[id] = key;
    this.siftUp(id, this.length++);
  }

  /**
   * Lowers the priority of an id already in the heap.
   *
   * @param id - An id in the heap.
   * @param key - Its new priority, not above the current one.
   */
  decreaseKey(id: number, key: number): void {
    this.priority[id] = key;
    this.siftUp(id, this.position[id]!);
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
      this.push(id, key);
      return true;
    }
    if (key < this.priority[id]!) {
      this.priority[id] = key;
      this.siftUp(id, at);
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
    if (this.length > 0) this.siftDown(this.items[this.length]!, 0);
    return top;
  }

  /** Empties the heap in time proportional to its size. */
  clear(): void {
    const { items, position } = this;
    for (let i = 0; i < this.length; i++) position[items[i]!] = -1;
    this.length = 0;
  }

  /** Strict heap order: smaller priority first, then smaller id. */
  private before(a: number, b: number): boolean {
    const ka = this.priority[a]!;
    const kb = this.priority[b]!;
    return ka < kb || (ka === kb && a < b);
  }

  /** Moves `id` from position `at` towards the root until its parent comes before it. */
  private siftUp(id: number, at: number): void {
    const { items, position } = this;
    let hole = at;
    while (hole > 0) {
      const parentAt = (hole - 1) >> 1;
      const parent = items[parentAt]!;
      if (!this.before(id, parent)) break;
      items[hole] = parent;
      position[parent] = hole;
      hole = parentAt;
    }
    items[hole] = id;
    position[id] = hole;
  }

  /** Places `id` at position `at`, then moves it down until both children come after it. */
  private siftDown(id: number, at: number): void {
    const { items, position } = this;
    const n = this.length;
    let hole = at;
    for (;;) {
      let childAt = 2 * hole + 1;
      if (childAt >= n) break;
      const rightAt = childAt + 1;
      if (rightAt < n && this.before(items[rightAt]!, items[childAt]!)) childAt = rightAt;
      const child = items[childAt]!;
      if (!this.before(child, id)) break;
      items[hole] = child;
      position[child] = hole;
      hole = childAt;
    }
    items[hole] = id;
    position[id] = hole;
  }
}
