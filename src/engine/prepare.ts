import { checkConstraint, type PairConstraint } from '../constraints/constraint';
import { builtinConstraints } from '../constraints/builtins';
import { PluginError, throwIfAny, type Issue } from '../errors';
import type { CohortContext } from '../model/context';
import { checkProgramReferences } from '../model/cross-checks';
import { parseParticipants, type Participant } from '../model/participant';
import { parseProgram, unknownWeightIssues, type Program } from '../model/program';
import { builtinScorerIds, builtinScorers } from '../scoring/builtins';
import { checkScorer, type Scorer } from '../scoring/scorer';
import { optionIssues } from './check-options';
import { DEFAULT_TIMEZONE_YEAR, type MatchInput, type MatchOptions } from './options';

/** A scorer with its place in the weighted sum. */
export interface WeightedScorer {
  /** The scorer, bound to the cohort. */
  readonly scorer: Scorer;
  /** Its share of the total weight, in (0, 1]. */
  readonly share: number;
  /** Points per unit of scorer value: `100 * share`. */
  readonly coef: number;
  /** True for user scorers, whose values are checked to be in [0, 1]. */
  readonly custom: boolean;
}

/** Validated input with its plug-ins bound to the cohort. */
export interface Prepared {
  readonly participants: readonly Participant[];
  readonly program: Program;
  readonly context: CohortContext;
  /** Scorers with a positive weight, built-ins first in their fixed order, then custom ones. */
  readonly scorers: readonly WeightedScorer[];
  /** Hard pair rules in attribution order: built-ins, then custom ones. */
  readonly constraints: readonly PairConstraint[];
  /** How many of `constraints` are built-ins (they come first). */
  readonly builtinConstraintCount: number;
}

const byId = (a: Participant, b: Participant) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Validates the input (program first, for its taxonomy) and binds the plug-ins to the cohort.
 *
 * @throws ValidationError, PluginError.
 */
export function prepare(input: MatchInput, options: MatchOptions): Prepared {
  if (input === null || typeof input !== 'object') {
    throwIfAny([{ path: ['input'], message: 'match takes { participants, program }', received: input }]);
  }
  throwIfAny(optionIssues(options));
  const program = parseProgram(input.program ?? {}, options.parse);
  const participants = parseParticipants(input.participants, { ...options.parse, skills: program.skills });
  throwIfAny(checkProgramReferences(program, participants));

  const juniors = participants.filter((p) => p.role === 'junior').sort(byId);
  const seniors = participants.filter((p) => p.role === 'senior').sort(byId);
  const context: CohortContext = Object.freeze({
    program,
    juniors,
    seniors,
    byId: new Map(participants.map((p) => [p.id, p] as const)),
    skillsById: new Map(program.skills.map((s) => [s.id, s] as const)),
    timezoneYear: options.timezoneYear ?? DEFAULT_TIMEZONE_YEAR,
  });

  // Array.from, not map: a hole of a sparse array is a plug-in too (undefined), to be refused.
  const custom = Array.from(options.scorers ?? [], (plugin, i) => {
    const scorer = typeof plugin === 'function' ? plugin(context) : plugin;
    checkScorer(scorer, `scorers[${i}]`);
    return scorer;
  });
  const pluginIssues: Issue[] = [];
  const seen = new Set(builtinScorerIds);
  custom.forEach((s, i) => {
    if (seen.has(s.id)) pluginIssues.push({ path: ['scorers', i, 'id'], message: `scorer id already used${builtinScorerIds.includes(s.id) ? ' by a built-in scorer' : ''}`, received: s.id });
    seen.add(s.id);
  });
  const scorerIds = [...builtinScorerIds, ...custom.map((s) => s.id)];
  const [pluginIssue, ...morePluginIssues] = pluginIssues;
  if (pluginIssue) throw new PluginError([pluginIssue, ...morePluginIssues]);
  throwIfAny(unknownWeightIssues(program, scorerIds));

  const shares = weightShares(program.weights);
  const scorers: WeightedScorer[] = [];
  const add = (scorer: Scorer, isCustom: boolean) => {
    const share = shares[scorer.id] ?? 0;
    if (share > 0) scorers.push({ scorer, share, coef: 100 * share, custom: isCustom });
  };
  for (const id of builtinScorerIds) {
    if ((program.weights[id] ?? 0) > 0) add((builtinScorers[id] as (c: CohortContext) => Scorer)(context), false);
  }
  for (const s of custom) add(s, true);
  const unweighted = custom.filter((s) => !((program.weights[s.id] ?? 0) > 0));
  const [firstUnweighted, ...otherUnweighted] = unweighted.map((s) => ({
    path: ['program', 'weights', s.id],
    message: `custom scorer "${s.id}" has no positive weight in program.weights, so it would never count`,
  }));
  if (firstUnweighted) throw new PluginError([firstUnweighted, ...otherUnweighted]);

  const constraints = [...builtinConstraints(context)];
  const builtinConstraintCount = constraints.length;
  const plugins = options.constraints ?? [];
  for (let i = 0; i < plugins.length; i++) {
    const plugin = plugins[i];
    const constraint = typeof plugin === 'function' ? plugin(context) : plugin;
    checkConstraint(constraint, `constraints[${i}]`);
    constraints.push(constraint);
  }
  return { participants, program, context, scorers, constraints, builtinConstraintCount };
}

/**
 * Each weight's share of their sum (shares add up to 1), the same bits whatever the key order of
 * `weights`. The weights are first taken relative to the largest, so that their sum cannot
 * overflow (two weights of 1e308 are valid); all zero gives all zero.
 *
 * @param weights - Non-negative finite weights by scorer id.
 */
export function weightShares(weights: Readonly<Record<string, number>>): Record<string, number> {
  const largest = Object.values(weights).reduce((a, w) => Math.max(a, w), 0);
  const shares: Record<string, number> = {};
  if (!(largest > 0)) {
    for (const id of Object.keys(weights)) shares[id] = 0;
    return shares;
  }
  const relative: Record<string, number> = {};
  for (const [id, w] of Object.entries(weights)) relative[id] = w / largest;
  const total = totalOf(relative);
  for (const [id, w] of Object.entries(relative)) shares[id] = w / total;
  return shares;
}

/**
 * The sum of the weights, added in the order of their sorted ids: the same bits whatever the key
 * order of `program.weights` (a floating-point sum depends on its order).
 */
export function totalOf(weights: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const id of Object.keys(weights).sort()) total += weights[id]!;
  return total;
}
