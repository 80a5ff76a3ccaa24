import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { circlesCommand, parseSize } from '../../src/cli/commands/circles';
import type { CliEnv, TextSink } from '../../src/cli/env';
import { UsageError } from '../../src/cli/usage-error';
import { ValidationError, match, parseParticipants, parseProgram } from '../../src/index';
import { circleCount, mentorCircles, type MentorCircles } from '../../src/lifecycle/circles';
import { person } from '../helpers/people';
import { int, permutation, rng, type Rng } from '../helpers/random';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;

type Pair = { juniorId: string; seniorId: string };

/** A random cohort: `n` mentoring juniors (one senior each), plus juniors and seniors outside the pairs. */
function cohort(rand: Rng, n: number, departments: number, sites: number, noSite = 0.15) {
  const participants: Record<string, unknown>[] = [];
  const pairs: Pair[] = [];
  for (let i = 0; i < n; i++) {
    const site = rand() < noSite ? {} : { site: `S${int(rand, 1, sites)}` };
    participants.push(person(`j${String(i).padStart(3, '0')}`, 'junior', { department: `D${int(rand, 1, departments)}`, ...site }));
    participants.push(person(`s${String(i).padStart(3, '0')}`, 'senior', { department: 'Board' }));
    pairs.push({ juniorId: `j${String(i).padStart(3, '0')}`, seniorId: `s${String(i).padStart(3, '0')}` });
  }
  participants.push(person('j-idle', 'junior', { department: 'D1', site: 'S1' }));
  participants.push(person('s-idle', 'senior', { department: 'D1' }));
  return { participants, pairs };
}

/** Same-department and same-site pairs of a partition, counted from the raw records. */
function mixingOf(blocks: readonly (readonly string[])[], participants: readonly Record<string, unknown>[]) {
  const byId = new Map(participants.map((p) => [p.id as string, p]));
  let departments = 0;
  let sites = 0;
  for (const block of blocks) {
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const a = byId.get(block[x]!)!;
        const b = byId.get(block[y]!)!;
        if (a.department === b.department) departments++;
        if (a.site !== undefined && a.site === b.site) sites++;
      }
    }
  }
  return { departments, sites };
}

/** Every partition of `items` into blocks of the given sizes (blocks of equal size unordered). */
function partitions(items: readonly string[], sizes: readonly number[]): string[][][] {
  const out: string[][][] = [];
  const blocks: string[][] = sizes.map(() => []);
  const place = (i: number) => {
    if (i === items.length) {
      out.push(blocks.map((b) => [...b]));
      return;
    }
    const openedSizes = new Set<number>();
    blocks.forEach((block, c) => {
      const size = sizes[c]!;
      if (block.length >= size) return;
      if (block.length === 0) {
        if (openedSizes.has(size)) return; // an empty block of this size was tried already
        openedSizes.add(size);
      }
      block.push(items[i]!);
      place(i + 1);
      block.pop();
    });
  };
  place(0);
  return out;
}

/** Balanced sizes of k circles for n mentors, larger first. */
const balanced = (n: number, k: number) => Array.from({ length: k }, (_, c) => Math.floor(n / k) + (c < n % k ? 1 : 0));

function shuffled<T>(rand: Rng, items: readonly T[]): T[] {
  return permutation(rand, items.length).map((i) => items[i]!);
}

/** Invariants of any result: each mentor once, no one else, balanced sizes, sorted members, consistent fields. */
function checkCircles(out: MentorCircles, pairs: readonly Pair[], participants: readonly Record<string, unknown>[]) {
  const mentors = [...new Set(pairs.map((p) => p.juniorId))].sort();
  const members = out.circles.flatMap((c) => c.members);
  expect([...members].sort()).toEqual(mentors);
  const sizes = out.circles.map((c) => c.members.length);
  if (sizes.length > 0) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  const byId = new Map(participants.map((p) => [p.id as string, p]));
  out.circles.forEach((circle, i) => {
    expect(circle.id).toBe(`circle-${i + 1}`);
    expect(circle.members).toEqual([...circle.members].sort());
    expect(circle.departments).toEqual([...new Set(circle.members.map((id) => byId.get(id)!.department as string))].sort());
    expect(circle.sites).toEqual([...new Set(circle.members.flatMap((id) => (byId.get(id)!.site === undefined ? [] : [byId.get(id)!.site as string])))].sort());
  });
  const counted = mixingOf(out.circles.map((c) => c.members), participants);
  expect(out.mixing.sameDepartmentPairs).toBe(counted.departments);
  expect(out.mixing.sameSitePairs).toBe(counted.sites);
}

describe('mentorCircles: sizes and membership', () => {
  test('circle count: the fewest circles whose balanced sizes fit, else the nearest, fewer on a tie', () => {
    expect(circleCount(12, 4, 6)).toEqual({ k: 2, fits: true }); // 6 + 6
    expect(circleCount(13, 4, 6)).toEqual({ k: 3, fits: true }); // 5 + 4 + 4
    expect(circleCount(4, 4, 6)).toEqual({ k: 1, fits: true });
    expect(circleCount(3, 4, 6)).toEqual({ k: 1, fits: false });
    expect(circleCount(11, 4, 5)).toEqual({ k: 2, fits: false }); // 6 + 5 (one over) rather than 4 + 4 + 3 (one short): tie, fewer circles
    expect(circleCount(14, 5, 6)).toEqual({ k: 2, fits: false }); // 7 + 7 (one over) rather than 5 + 5 + 4 (one short)
    expect(circleCount(13, 5, 5)).toEqual({ k: 3, fits: false }); // 5 + 4 + 4 (one short) rather than 7 + 6 (two over)
  });

  test('random cohorts: bounds respected, balanced, every mentor once, no one else', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = rng(seed);
      const min = int(rand, 2, 5);
      const max = min + int(rand, 0, 3);
      const n = int(rand, min, 80);
      const { participants, pairs } = cohort(rand, n, int(rand, 1, 8), int(rand, 1, 5));
      const out = mentorCircles({ pairs }, { participants }, { size: [min, max] });
      checkCircles(out, pairs, participants);
      expect(out.circles.flatMap((c) => c.members)).not.toContain('j-idle');
      const { k, fits } = circleCount(n, min, max);
      expect(out.circles).toHaveLength(k);
      if (fits) {
        expect(out.warnings).toEqual([]);
        for (const c of out.circles) {
          expect(c.members.length).toBeGreaterThanOrEqual(min);
          expect(c.members.length).toBeLessThanOrEqual(max);
        }
        // The fewest circles: one fewer would break a bound.
        if (k > 1) expect(Math.ceil(n / (k - 1)) > max || Math.floor(n / (k - 1)) < min).toBe(true);
      } else {
        expect(out.warnings).toHaveLength(1);
      }
    }
  });

  test('a junior with several pairs is one mentor; seniors and idle juniors are never members', () => {
    const participants = [
      person('j1', 'junior', { department: 'IT' }),
      person('j2', 'junior', { department: 'HR' }),
      person('j3', 'junior', { department: 'Sales' }),
      person('j4', 'junior', { department: 'IT' }),
      person('j5', 'junior', { department: 'Legal' }),
      person('s1', 'senior'),
      person('s2', 'senior'),
      person('s3', 'senior'),
      person('s4', 'senior'),
    ];
    const pairs = [
      { juniorId: 'j1', seniorId: 's1' },
      { juniorId: 'j1', seniorId: 's2' },
      { juniorId: 'j2', seniorId: 's3' },
      { juniorId: 'j3', seniorId: 's4' },
    ];
    const out = mentorCircles({ pairs }, { participants }, { size: [2, 3] });
    expect(out.circles.map((c) => c.members)).toEqual([['j1', 'j2', 'j3']]);
    expect(out.circles[0]!.explanation).toContain('they mentor s1, s2, s3, and s4.');
  });

  test('fewer mentors than the smallest circle: one circle of all, and a warning', () => {
    const participants = ['a', 'b', 'c'].flatMap((x) => [person(`j-${x}`, 'junior', { department: x }), person(`s-${x}`, 'senior')]);
    const pairs = ['a', 'b', 'c'].map((x) => ({ juniorId: `j-${x}`, seniorId: `s-${x}` }));
    const en = mentorCircles({ pairs }, { participants }, { size: [4, 6] });
    expect(en.circles.map((c) => c.members)).toEqual([['j-a', 'j-b', 'j-c']]);
    expect(en.warnings).toMatchInlineSnapshot(`
      [
        "3 mentors, fewer than the smallest circle size (4): a single circle of 3",
      ]
    `);
    expect(mentorCircles({ pairs }, { participants }, { size: [4, 6], locale: 'fr' }).warnings).toMatchInlineSnapshot(`
      [
        "3 mentors, moins que la taille minimale d'un cercle (4) : un seul cercle de 3",
      ]
    `);
  });

  test('bounds no balanced split can meet: the nearest sizes, and a warning', () => {
    const { participants, pairs } = cohort(rng(7), 11, 3, 3);
    const out = mentorCircles({ pairs }, { participants }, { size: [4, 5] });
    expect(out.circles.map((c) => c.members.length)).toEqual(expect.arrayContaining([6, 5]));
    expect(out.warnings).toEqual(['11 mentors cannot be split into circles of 4 to 5: 2 circles of 5-6 instead']);
  });

  test('no pair: no circle, a warning', () => {
    const out = mentorCircles({ pairs: [] }, { participants: [person('j1', 'junior')] });
    expect(out).toEqual({
      circles: [],
      warnings: ['no pair in the result: no mentor to group into circles'],
      mixing: { sameDepartmentPairs: 0, sameSitePairs: 0, lowerBound: 0 },
    });
  });
});

describe('mentorCircles: mixing', () => {
  /*
   * Why `sameDepartmentPairs === lowerBound` always holds (so the tests below assert it on every
   * case, not only on few departments). The bound spreads each department of d mentors over the k
   * circles as ⌊d/k⌋ or ⌈d/k⌉ (C(x, 2) is convex, so that is the least for that department alone).
   * The seed lists the mentors department by department and deals position p to circle p mod k:
   * any run of d consecutive positions meets every circle ⌊d/k⌋ or ⌈d/k⌉ times, so every
   * department is at its own least at once, and the sum is reached. Swaps never raise the
   * department count. The brute force below checks the bound is the true minimum as well.
   */
  test('n <= 9: departments at the exhaustive minimum (= lowerBound), sites at it in nearly every case', () => {
    let cases = 0;
    let siteMisses = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const rand = rng(seed);
      const n = int(rand, 2, 9);
      const min = int(rand, 2, 4);
      const max = min + int(rand, 0, 2);
      const { participants, pairs } = cohort(rand, n, int(rand, 1, 4), int(rand, 1, 4));
      const out = mentorCircles({ pairs }, { participants }, { size: [min, max] });
      const ids = pairs.map((p) => p.juniorId);
      let best = { departments: Infinity, sites: Infinity };
      for (const blocks of partitions(ids, balanced(n, out.circles.length))) {
        const m = mixingOf(blocks, participants);
        if (m.departments < best.departments || (m.departments === best.departments && m.sites < best.sites)) best = m;
      }
      cases++;
      expect(out.mixing.lowerBound).toBe(best.departments);
      expect(out.mixing.sameDepartmentPairs).toBe(best.departments);
      expect(out.mixing.sameSitePairs).toBeGreaterThanOrEqual(best.sites);
      if (out.mixing.sameSitePairs > best.sites) siteMisses++;
    }
    // Swaps are a local search on the site term: it may stop at a local optimum (0 of these 1000
    // cases; 3 in 4000 cases up to n = 10).
    expect(siteMisses).toBeLessThanOrEqual(cases / 100);
  });

  test('larger cohorts: departments at lowerBound whatever their number', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = rng(1000 + seed);
      const { participants, pairs } = cohort(rand, int(rand, 10, 400), int(rand, 1, 15), int(rand, 1, 8));
      const out = mentorCircles({ pairs }, { participants }, { size: [3, 7] });
      expect(out.mixing.sameDepartmentPairs).toBe(out.mixing.lowerBound);
    }
  });

  test('same input, same circles, whatever the order of participants and pairs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = rng(5000 + seed);
      const { participants, pairs } = cohort(rand, int(rand, 5, 60), int(rand, 1, 6), int(rand, 1, 4));
      const reference = mentorCircles({ pairs }, { participants }, { size: [4, 6], locale: 'fr' });
      for (let t = 0; t < 3; t++) {
        const again = mentorCircles({ pairs: shuffled(rand, pairs) }, { participants: { participants: shuffled(rand, participants) } }, { size: [4, 6], locale: 'fr' });
        expect(again).toEqual(reference);
      }
    }
  });

  test('parsed participants give the same circles as raw ones; the input is not mutated', () => {
    const { participants, pairs } = cohort(rng(3), 20, 4, 3);
    const before = JSON.stringify({ participants, pairs });
    const raw = mentorCircles({ pairs }, { participants });
    expect(mentorCircles({ pairs }, { participants: parseParticipants(participants) })).toEqual(raw);
    expect(JSON.stringify({ participants, pairs })).toBe(before);
  });
});

describe('mentorCircles: explanations', () => {
  const participants = [
    person('j1', 'junior', { name: 'Léa Martin', department: 'Marketing', site: 'Paris' }),
    person('j2', 'junior', { name: 'Hugo Bernard', department: 'IT', site: 'Lyon' }),
    person('j3', 'junior', { name: 'Inès Petit', department: 'IT', site: 'Paris' }),
    person('j4', 'junior', { name: 'Tom Girard', department: 'IT', site: 'Nantes' }),
    person('j5', 'junior', { department: 'HR', site: 'Lyon' }),
    person('j6', 'junior', { name: 'Zoé Lambert', department: 'Marketing' }),
    person('j7', 'junior', { name: 'Nina Roux', department: 'Finance', site: 'Lyon' }),
    person('j8', 'junior', { name: 'Sacha Blanc', department: 'HR', site: 'Paris' }),
    person('j9', 'junior', { name: 'Paul Idle', department: 'IT', site: 'Paris' }),
    person('s1', 'senior', { name: 'Catherine Morel', department: 'Finance' }),
    person('s2', 'senior', { name: 'Nathalie Roux', department: 'Finance' }),
    person('s3', 'senior', { name: 'Philippe Garnier', department: 'Sales' }),
    person('s4', 'senior', { name: 'Thomas Becker', department: 'IT' }),
    person('s5', 'senior', { name: 'Bernard Chevalier', department: 'Sales' }),
    person('s6', 'senior', { department: 'Operations' }),
    person('s7', 'senior', { name: 'Jean-Marc Dubois', department: 'Operations' }),
    person('s8', 'senior', { name: 'Anne Leroy', department: 'Legal' }),
    person('s9', 'senior', { name: 'Marc Faure', department: 'Legal' }),
  ];
  const pairs = [
    { juniorId: 'j1', seniorId: 's2' },
    { juniorId: 'j1', seniorId: 's1' },
    ...[2, 3, 4, 5, 6, 7, 8].map((i) => ({ juniorId: `j${i}`, seniorId: `s${i + 1}` })),
  ];

  test('en: who, from where, whom they mentor, and why two share a department', () => {
    const out = mentorCircles({ pairs }, { participants }, { size: [4, 4] });
    expect(out.circles.map((c) => c.members)).toMatchInlineSnapshot(`
      [
        [
          "j1",
          "j4",
          "j5",
          "j7",
        ],
        [
          "j2",
          "j3",
          "j6",
          "j8",
        ],
      ]
    `);
    expect(out.circles.map((c) => c.explanation)).toMatchInlineSnapshot(`
      [
        "Circle 1: Léa Martin (Marketing, Paris), Tom Girard (IT, Nantes), j5 (HR, Lyon), and Nina Roux (Finance, Lyon) — 4 mentors from 4 departments and 3 sites; they mentor Catherine Morel, Nathalie Roux, Bernard Chevalier, s6, and Anne Leroy.",
        "Circle 2: Hugo Bernard (IT, Lyon), Inès Petit (IT, Paris), Zoé Lambert (Marketing), and Sacha Blanc (HR, Paris) — 4 mentors from 3 departments and 2 sites; they mentor Philippe Garnier, Thomas Becker, Jean-Marc Dubois, and Marc Faure. 2 share IT: there are more IT mentors than circles.",
      ]
    `);
    expect(out.mixing).toEqual({ sameDepartmentPairs: 1, sameSitePairs: 2, lowerBound: 1 }); // 3 in Paris and 3 in Lyon over 2 circles: 2 site pairs at least
  });

  test('fr', () => {
    const out = mentorCircles({ pairs }, { participants }, { size: [4, 4], locale: 'fr' });
    expect(out.circles.map((c) => c.explanation)).toMatchInlineSnapshot(`
      [
        "Cercle 1 : Léa Martin (Marketing, Paris), Tom Girard (IT, Nantes), j5 (HR, Lyon) et Nina Roux (Finance, Lyon) — 4 mentors de 4 directions et 3 sites ; mentoré·es : Catherine Morel, Nathalie Roux, Bernard Chevalier, s6 et Anne Leroy.",
        "Cercle 2 : Hugo Bernard (IT, Lyon), Inès Petit (IT, Paris), Zoé Lambert (Marketing) et Sacha Blanc (HR, Paris) — 4 mentors de 3 directions et 2 sites ; mentoré·es : Philippe Garnier, Thomas Becker, Jean-Marc Dubois et Marc Faure. 2 sont en IT : il y a plus de mentors en IT que de cercles.",
      ]
    `);
  });
});

describe('mentorCircles: errors', () => {
  const participants = [person('j1', 'junior'), person('j2', 'junior'), person('s1', 'senior'), person('s2', 'senior')];

  test('a pair naming someone who is not among the participants, or in the wrong role', () => {
    const pairs = [
      { juniorId: 'j1', seniorId: 's1' },
      { juniorId: 'j-404', seniorId: 's2' },
      { juniorId: 's2', seniorId: 'j2' },
    ];
    let error: unknown;
    try {
      mentorCircles({ pairs }, { participants });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      ['result', 'pairs', 1, 'juniorId'],
      ['result', 'pairs', 2, 'juniorId'],
      ['result', 'pairs', 2, 'seniorId'],
    ]);
    expect((error as ValidationError).message).toMatchInlineSnapshot(`
      "result.pairs[1].juniorId: is not among the participants, got "j-404"
      result.pairs[2].juniorId: is a senior among the participants, not a junior, got "s2"
      result.pairs[2].seniorId: is a junior among the participants, not a senior, got "j2""
    `);
  });

  test('pairs that are not an array, a pair without ids', () => {
    expect(() => mentorCircles({} as never, { participants })).toThrow('result.pairs: must be an array of pairs');
    expect(() => mentorCircles({ pairs: [{ juniorId: 1 }] } as never, { participants })).toThrow('result.pairs[0].juniorId: must be a participant id, got 1');
  });

  test.each([
    [[1, 3], 'options.size: must be [min, max] with 2 <= min <= max, got [1,3]'],
    [[5, 4], 'options.size: must be [min, max] with 2 <= min <= max, got [5,4]'],
    [[4.5, 6], 'options.size: must be two integers [min, max], got [4.5,6]'],
    [[4], 'options.size: must be two integers [min, max], got [4]'],
    ['4,6', 'options.size: must be two integers [min, max], got "4,6"'],
  ])('size %j', (size, message) => {
    expect(() => mentorCircles({ pairs: [] }, { participants }, { size: size as never })).toThrow(ValidationError);
    expect(() => mentorCircles({ pairs: [] }, { participants }, { size: size as never })).toThrow(message);
  });

  test('bad locale, bad participants', () => {
    expect(() => mentorCircles({ pairs: [] }, { participants }, { locale: 'de' as never })).toThrow('options.locale: must be "en" or "fr", got "de"');
    expect(() => mentorCircles({ pairs: [] }, { participants: [{ id: 'x' }] })).toThrow(ValidationError);
  });

  test('participants with skills outside the default taxonomy need the program taxonomy', () => {
    const custom = [person('j1', 'junior', { skills: { welding: 3 } }), person('s1', 'senior')];
    const pairs = [{ juniorId: 'j1', seniorId: 's1' }];
    expect(() => mentorCircles({ pairs }, { participants: custom })).toThrow(ValidationError);
    const skills = [{ id: 'welding', label: 'Welding', domain: 'craft', teacher: 'junior' as const }];
    expect(mentorCircles({ pairs }, { participants: custom }, { size: [2, 2], parse: { skills } }).circles).toHaveLength(1);
  });
});

/** A stream that keeps what is written. */
class Capture implements TextSink {
  text = '';
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

describe('binome circles (circlesCommand)', () => {
  const scratch = () => mkdtempSync(join(tmpdir(), 'binome-circles-'));
  const env = (cwd: string) => {
    const stdout = new Capture();
    const stderr = new Capture();
    return { env: { stdout, stderr, cwd } satisfies CliEnv, stdout, stderr };
  };

  /** A small result and participants on disk; one name would run as a formula in a spreadsheet. */
  function files() {
    const dir = scratch();
    const participants = [
      person('j1', 'junior', { name: '=HYPERLINK("http://x")', department: 'IT', site: 'Paris' }),
      person('j2', 'junior', { name: 'Léa Martin', department: 'Marketing', site: 'Lyon' }),
      person('j3', 'junior', { name: 'Hugo, "H" Bernard', department: 'IT' }),
      person('j4', 'junior', { name: 'Zoé | Lambert', department: 'HR', site: 'Paris' }),
      person('s1', 'senior', { name: 'Catherine Morel' }),
      person('s2', 'senior', { name: 'Nathalie Roux' }),
      person('s3', 'senior'),
      person('s4', 'senior', { name: 'Thomas Becker' }),
    ];
    const pairs = [1, 2, 3, 4].map((i) => ({ juniorId: `j${i}`, seniorId: `s${i}` }));
    writeFileSync(join(dir, 'people.json'), JSON.stringify({ participants }));
    writeFileSync(join(dir, 'result.json'), JSON.stringify({ status: 'optimal', pairs }));
    return { dir, participants, pairs };
  }

  test('json on standard output: the return value of mentorCircles; a summary on standard error', async () => {
    const { dir, participants, pairs } = files();
    const { env: e, stdout, stderr } = env(dir);
    const code = await circlesCommand(e, 'result.json', { participants: 'people.json', size: '2,3' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout.text)).toEqual(mentorCircles({ pairs }, { participants }, { size: [2, 3] }));
    expect(stderr.text).toBe('2 circles of 2, 0 same-department pairs (least possible 0), 0 same-site pairs\n');
  });

  test('csv: one row per member, cells neutralised and quoted like the match report', async () => {
    const { dir } = files();
    const { env: e, stdout } = env(dir);
    await circlesCommand(e, 'result.json', { participants: 'people.json', size: '4,6', format: 'csv', quiet: true });
    expect(stdout.text).toBe(
      [
        'circleId,memberId,name,department,site',
        `circle-1,j1,"'=HYPERLINK(""http://x"")",IT,Paris`,
        'circle-1,j2,Léa Martin,Marketing,Lyon',
        'circle-1,j3,"Hugo, ""H"" Bernard",IT,',
        'circle-1,j4,Zoé | Lambert,HR,Paris',
        '',
      ].join('\r\n'),
    );
  });

  test('md via --out (format from the extension), in French', async () => {
    const { dir } = files();
    const { env: e, stdout, stderr } = env(dir);
    await circlesCommand(e, 'result.json', { participants: 'people.json', out: 'out/circles.md', locale: 'fr', size: '4,6' });
    expect(stdout.text).toBe('');
    expect(stderr.text).toContain('-> out/circles.md');
    const md = readFileSync(join(dir, 'out/circles.md'), 'utf8');
    expect(md).toMatchInlineSnapshot(`
      "# Cercles de mentors

      1 cercle ; 1 paire de membres dans la même direction (minimum possible : 1), 1 sur le même site.

      ## Cercle 1

      | Mentor | Id | Direction | Site | Mentoré·es |
      | --- | --- | --- | --- | --- |
      | =HYPERLINK("http://x") | j1 | IT | Paris | Catherine Morel |
      | Léa Martin | j2 | Marketing | Lyon | Nathalie Roux |
      | Hugo, "H" Bernard | j3 | IT |  | s3 |
      | Zoé \\| Lambert | j4 | HR | Paris | Thomas Becker |

      Cercle 1 : =HYPERLINK("http://x") (IT, Paris), Léa Martin (Marketing, Lyon), Hugo, "H" Bernard (IT) et Zoé \\| Lambert (HR, Paris) — 4 mentors de 3 directions et 2 sites ; mentoré·es : Catherine Morel, Nathalie Roux, s3 et Thomas Becker. 2 sont en IT : il y a plus de mentors en IT que de cercles.
      "
    `);
  });

  test('a result written by match --format json, with its program', async () => {
    const dir = scratch();
    const program = parseProgram(JSON.parse(readFileSync(join(fixtures, 'program.sample.json'), 'utf8')));
    const people = parseParticipants(JSON.parse(readFileSync(join(fixtures, 'participants.sample.json'), 'utf8')), { skills: program.skills });
    const result = match({ participants: people, program });
    writeFileSync(join(dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
    const { env: e, stdout } = env(dir);
    const code = await circlesCommand(e, 'result.json', {
      participants: join(fixtures, 'participants.sample.csv'),
      program: join(fixtures, 'program.sample.json'),
      size: '2,3',
      quiet: true,
    });
    expect(code).toBe(0);
    const out = JSON.parse(stdout.text) as MentorCircles;
    expect(out.circles.flatMap((c) => c.members).sort()).toEqual([...new Set(result.pairs.map((p) => p.juniorId))].sort());
    expect(out.mixing.sameDepartmentPairs).toBe(out.mixing.lowerBound);
  });

  test('usage errors: --size, --format, --participants', async () => {
    const { dir } = files();
    const { env: e } = env(dir);
    for (const size of ['1,3', '5,4', '4;6', 'four', '4,5,6', '4.5,6', '']) {
      await expect(circlesCommand(e, 'result.json', { participants: 'people.json', size })).rejects.toThrow(UsageError);
    }
    await expect(circlesCommand(e, 'result.json', { participants: 'people.json', size: '1,3' })).rejects.toThrow('--size must be MIN,MAX (whole numbers, 2 <= MIN <= MAX), e.g. 4,6; got "1,3"');
    await expect(circlesCommand(e, 'result.json', { participants: 'people.json', format: 'html' })).rejects.toThrow('--format must be one of json, md, csv, got "html"');
    await expect(circlesCommand(e, 'result.json', { participants: 'people.json', out: 'x.html' })).rejects.toThrow('--out: binome circles writes .json, .md or .csv, got "x.html"');
    await expect(circlesCommand(e, 'result.json', {})).rejects.toThrow('--participants <file> is required');
    expect(parseSize('5')).toEqual([5, 5]);
    expect(parseSize(' 4 , 6 ')).toEqual([4, 6]);
  });

  test('input errors name the file: missing, not JSON, not a result, a junior not among the participants', async () => {
    const { dir } = files();
    const { env: e } = env(dir);
    const run = (file: string) => circlesCommand(e, file, { participants: 'people.json' });
    await expect(run('nope.json')).rejects.toThrow('nope.json: file not found');
    writeFileSync(join(dir, 'broken.json'), '{\n  "pairs": [,]\n}');
    await expect(run('broken.json')).rejects.toThrow(/^broken\.json:2: invalid JSON at column \d+/);
    writeFileSync(join(dir, 'list.json'), '[]');
    await expect(run('list.json')).rejects.toThrow('list.json: pairs: expected a match result with "pairs" (binome match --format json)');
    writeFileSync(join(dir, 'stranger.json'), JSON.stringify({ pairs: [{ juniorId: 'j1', seniorId: 's1' }, { juniorId: 'j-404', seniorId: 's2' }] }));
    await expect(run('stranger.json')).rejects.toThrow('stranger.json: pairs[1].juniorId: is not among the participants, got "j-404"');
  });
});
