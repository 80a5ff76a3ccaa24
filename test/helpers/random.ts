/** A source of uniform floats in [0, 1). */
export type Rng = () => number;

/**
 * Seeded pseudo-random generator (mulberry32): 32 bits of state, same seed => same sequence.
 *
 * @param seed - Any number; only its low 32 bits matter.
 * @returns A function returning uniform floats in [0, 1).
 */
export function rng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param rand - The generator.
 * @param lo - Smallest value.
 * @param hi - Largest value (inclusive).
 * @returns A uniform integer in lo..hi.
 */
export function int(rand: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/**
 * @param rand - The generator.
 * @param p - Probability of true.
 * @returns True with probability p.
 */
export function chance(rand: Rng, p: number): boolean {
  return rand() < p;
}

/**
 * @param rand - The generator.
 * @param items - A non-empty list.
 * @returns One of the items, uniformly.
 */
export function pick<T>(rand: Rng, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/**
 * @param rand - The generator.
 * @param n - Size.
 * @returns A uniform random permutation of 0..n-1 (Fisher-Yates).
 */
export function permutation(rand: Rng, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
