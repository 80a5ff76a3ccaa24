import { formatter } from '../explain/messages/render';
import type { Locale } from '../explain/messages/types';
import type { Participant } from '../model/participant';
import type { Contribution, ResultPair } from '../model/result';
import type { SkillDef, Teacher } from '../model/taxonomy';
import { reportLabels, type ReportLabels } from './labels';
import type { ReportInput, ReportOptions } from './types';

/** Number of bins of the score histogram: 0–10, 10–20, ..., 90–100. */
export const SCORE_BINS = 10;

/**
 * Counts the pairs by score band of 10 points: bin `k` holds the scores in `[10k, 10k + 10)`, the
 * last bin also holds 100 (scores outside 0..100 go to the nearest end bin).
 *
 * @param pairs - The pairs of a result.
 * @returns Ten counts that add up to `pairs.length`.
 * @example
 * scoreHistogram(result.pairs); // [0, 0, 0, 0, 0, 0, 3, 2, 0, 0]
 */
export function scoreHistogram(pairs: readonly Pick<ResultPair, 'score'>[]): number[] {
  const bins = new Array<number>(SCORE_BINS).fill(0);
  for (const pair of pairs) {
    const k = Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(pair.score / 10)));
    bins[k] = (bins[k] ?? 0) + 1;
  }
  return bins;
}

/** How many pairs pass on one skill, from {@link skillFlow}. */
export interface SkillFlow {
  /** The skill, as in the program's taxonomy. */
  readonly skill: SkillDef;
  /** Who teaches it: `junior` (junior → senior) or `senior` (senior → junior). */
  readonly teacher: Teacher;
  /** Pairs where the teacher's level is above the learner's and the learner wants it (desire > 0). */
  readonly count: number;
}

/**
 * Which skills flow in which direction: for each skill of the program's taxonomy, in taxonomy order,
 * the number of pairs where the side that teaches it (the skill's `teacher`) has a higher level
 * than the other side and the other side wants it. A level not given counts as 0.
 *
 * @param input - The result, its participants and its program; a pair whose people are missing
 *   from `participants` counts for no skill.
 * @returns One entry per skill of `program.skills`.
 */
export function skillFlow(input: ReportInput): SkillFlow[] {
  const byId = peopleById(input.participants);
  return input.program.skills.map((skill) => {
    let count = 0;
    for (const pair of input.result.pairs) {
      const junior = byId.get(pair.juniorId);
      const senior = byId.get(pair.seniorId);
      if (!junior || !senior) continue;
      const [teacher, learner] = skill.teacher === 'junior' ? [junior, senior] : [senior, junior];
      if ((learner.wants[skill.id] ?? 0) > 0 && (teacher.skills[skill.id] ?? 0) > (learner.skills[skill.id] ?? 0)) count++;
    }
    return { skill, teacher: skill.teacher, count };
  });
}

/** Pairs counted by the junior's department and the senior's, from {@link departmentMatrix}. */
export interface DepartmentMatrix {
  /** Departments of the paired juniors, sorted. */
  readonly juniorDepartments: readonly string[];
  /** Departments of the paired seniors, sorted. */
  readonly seniorDepartments: readonly string[];
  /** `counts[i][k]`: pairs of a junior of `juniorDepartments[i]` with a senior of `seniorDepartments[k]`. */
  readonly counts: readonly (readonly number[])[];
}

/**
 * Counts the pairs by junior department × senior department.
 *
 * @param input - The result and its participants (a person missing from them counts under `?`).
 * @param locale - Sorts the department names the locale's way (default `en`).
 */
export function departmentMatrix(input: ReportInput, locale: Locale = 'en'): DepartmentMatrix {
  const byId = peopleById(input.participants);
  const dept = (id: string) => byId.get(id)?.department ?? '?';
  const collator = new Intl.Collator(locale);
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const juniorDepartments = sorted(input.result.pairs.map((p) => dept(p.juniorId)));
  const seniorDepartments = sorted(input.result.pairs.map((p) => dept(p.seniorId)));
  const counts = juniorDepartments.map(() => new Array<number>(seniorDepartments.length).fill(0));
  for (const pair of input.result.pairs) {
    const row = counts[juniorDepartments.indexOf(dept(pair.juniorId))];
    const k = seniorDepartments.indexOf(dept(pair.seniorId));
    if (row) row[k] = (row[k] ?? 0) + 1;
  }
  return { juniorDepartments, seniorDepartments, counts };
}

/**
 * The contributions of a pair that gave points, most points first (ties keep the result's order).
 *
 * @internal Shared by the renderers.
 */
export function rankedContributions(pair: ResultPair): Contribution[] {
  return pair.contributions
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => c.points > 0)
    .sort((a, b) => b.c.points - a.c.points || a.order - b.order)
    .map(({ c }) => c);
}

/**
 * The main reason of a pair: the first reason of the contribution with most points.
 *
 * @internal Shared by the renderers.
 */
export function mainReason(pair: ResultPair): string {
  return rankedContributions(pair)[0]?.reasons[0] ?? '';
}

/**
 * Participants by id.
 *
 * @internal Shared by the renderers.
 */
export function peopleById(participants: readonly Participant[]): Map<string, Participant> {
  return new Map(participants.map((p) => [p.id, p]));
}

/** Locale-aware number formats of a report. */
export interface NumberFormats {
  /** Exactly one decimal: `74.4`, `74,4`. */
  readonly score: (value: number) => string;
  /** At most one decimal. */
  readonly num: (value: number) => string;
  /** A share 0..1 as a whole percentage: `80%`, `80 %`. */
  readonly percent: (share: number) => string;
}

const numberFormats = new Map<Locale, NumberFormats>();

function formats(locale: Locale): NumberFormats {
  let f = numberFormats.get(locale);
  if (!f) {
    const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const clean = (v: number) => (Object.is(v, -0) ? 0 : v);
    f = { score: (v) => score.format(clean(v)), num: (v) => formatter(locale).num(v), percent: (v) => percent.format(clean(v)) };
    numberFormats.set(locale, f);
  }
  return f;
}

/** Everything a renderer needs, derived once. */
export interface ReportView {
  readonly locale: Locale;
  readonly labels: ReportLabels;
  readonly title: string;
  readonly format: NumberFormats;
  readonly byId: ReadonlyMap<string, Participant>;
  /** Display name: the participant's name, else the id. */
  readonly nameOf: (id: string) => string;
  /** Department of a participant, empty when unknown. */
  readonly departmentOf: (id: string) => string;
}

/**
 * Derives what the renderers share from an input and options.
 *
 * @internal Used by the renderers of `src/report`.
 */
export function reportView(input: ReportInput, options: ReportOptions): ReportView {
  const locale = options.locale ?? input.result.locale;
  const labels = reportLabels(locale);
  const byId = peopleById(input.participants);
  const unmatchedNames = new Map(input.result.unmatched.flatMap((u) => (u.name === undefined ? [] : [[u.id, u.name] as const])));
  return {
    locale,
    labels,
    title: options.title ?? input.program.name ?? labels.defaultTitle,
    format: formats(locale),
    byId,
    nameOf: (id) => byId.get(id)?.name ?? unmatchedNames.get(id) ?? id,
    departmentOf: (id) => byId.get(id)?.department ?? '',
  };
}
