/**
 * Benchmark instances, generated from a seed and written to disk once per run, so that every
 * implementation (ours, `munkres`, scipy) reads the very same numbers.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { permutation, rng } from '../test/helpers/random';

/** What `<name>.json` says about an instance; the arrays sit beside it in `<name>.<field>.bin`. */
export interface InstanceMeta {
  readonly kind: 'dense' | 'sparse';
  readonly rows: number;
  readonly cols: number;
  readonly maximize: boolean;
  /** Dense only: whether `<name>.colcap.bin` holds column capacities. */
  readonly colCapacity?: boolean;
  /** Known optimum, when published (OR-Library). */
  readonly optimum?: number;
}

/** A dense instance in memory. */
export interface DenseInstance {
  readonly meta: InstanceMeta;
  readonly weights: Float64Array;
  readonly colCapacity?: Int32Array;
}

/** A sparse instance in memory. */
export interface SparseInstance {
  readonly meta: InstanceMeta;
  readonly row: Int32Array;
  readonly col: Int32Array;
  readonly weight: Float64Array;
}

/** Uniform random costs: integers 0..999 or floats in [0, 1000). */
export function denseCosts(rows: number, cols: number, integer: boolean, seed: number): Float64Array {
  const rand = rng(seed);
  const w = new Float64Array(rows * cols);
  for (let k = 0; k < w.length; k++) w[k] = integer ? Math.floor(rand() * 1000) : rand() * 1000;
  return w;
}

/**
 * `perRow` distinct random columns per row, one of them on a random permutation so that a
 * perfect matching exists; integer costs 1..1,000,000 (scipy's sparse matcher reads 0 as absent).
 */
export function sparseCosts(n: number, perRow: number, seed: number): { row: Int32Array; col: Int32Array; weight: Float64Array } {
  const rand = rng(seed);
  const perm = permutation(rand, n);
  const row = new Int32Array(n * perRow);
  const col = new Int32Array(n * perRow);
  const weight = new Float64Array(n * perRow);
  const chosen = new Set<number>();
  let k = 0;
  for (let i = 0; i < n; i++) {
    chosen.clear();
    chosen.add(perm[i]!);
    while (chosen.size < Math.min(perRow, n)) chosen.add(Math.floor(rand() * n));
    for (const j of [...chosen].sort((a, b) => a - b)) {
      row[k] = i;
      col[k] = j;
      weight[k++] = 1 + Math.floor(rand() * 1_000_000);
    }
  }
  return { row: row.subarray(0, k), col: col.subarray(0, k), weight: weight.subarray(0, k) };
}

/** An OR-Library instance (`n`, then the n*n costs). */
export function orlibCosts(path: string): { n: number; weights: Float64Array } {
  const tokens = readFileSync(path, 'utf8').trim().split(/\s+/).map(Number);
  const n = tokens[0]!;
  return { n, weights: Float64Array.from(tokens.slice(1, 1 + n * n)) };
}

const bytes = (a: Float64Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Writes an instance as `<base>.json` and its arrays. */
export function writeInstance(base: string, meta: InstanceMeta, arrays: Record<string, Float64Array | Int32Array>): void {
  writeFileSync(`${base}.json`, JSON.stringify(meta));
  for (const [field, array] of Object.entries(arrays)) writeFileSync(`${base}.${field}.bin`, bytes(array));
}

/** Reads a binary file straight into a typed array (no intermediate buffer, so memory = the array). */
function readArray<T extends Float64Array | Int32Array>(path: string, Kind: { new (length: number): T; readonly BYTES_PER_ELEMENT: number }): T {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const array = new Kind(size / Kind.BYTES_PER_ELEMENT);
    const view = new Uint8Array(array.buffer);
    for (let read = 0; read < size; ) read += readSync(fd, view, read, size - read, read);
    return array;
  } finally {
    closeSync(fd);
  }
}

/** Reads an instance written by {@link writeInstance}. */
export function readInstance(base: string): DenseInstance | SparseInstance {
  const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as InstanceMeta;
  if (meta.kind === 'dense') {
    const weights = readArray(`${base}.weights.bin`, Float64Array);
    return meta.colCapacity ? { meta, weights, colCapacity: readArray(`${base}.colcap.bin`, Int32Array) } : { meta, weights };
  }
  return { meta, row: readArray(`${base}.row.bin`, Int32Array), col: readArray(`${base}.col.bin`, Int32Array), weight: readArray(`${base}.weight.bin`, Float64Array) };
}
