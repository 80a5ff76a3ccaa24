import { builtinConstraintKernels } from '../constraints/builtins';
import type { PairConstraint } from '../constraints/constraint';
import { PluginError } from '../errors';
import { compileColumns, type RowFilter, type RowScorer } from '../model/columns';
import type { Participant } from '../model/participant';
import { builtinScorerKernels } from '../scoring/builtins';
import type { Scorer } from '../scoring/scorer';
import { belowMinScore } from './pair-scoring';
import type { Prepared } from './prepare';

/**
 * Scores one junior against every senior: fills `candidates[0..count)` with the eligible seniors'
 * columns, ascending, and `total[0..count)` with their pair scores (0..100), and returns `count`.
 * Both arrays must hold at least one entry per senior.
 */
export type ScoreRow = (row: number, candidates: Int32Array, total: Float64Array) => number;

/** The object interface of a custom constraint, run over a row. */
function objectFilter(constraint: PairConstraint, juniors: readonly Participant[], seniors: readonly Participant[]): RowFilter {
  return (row, candidates, count) => {
    const junior = juniors[row]!;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      if (constraint.allows(junior, seniors[c]!)) candidates[kept++] = c;
    }
    return kept;
  };
}

/** The object interface of a custom scorer, run over a row, its values checked to be in [0, 1]. */
function objectScorer(scorer: Scorer, juniors: readonly Participant[], seniors: readonly Participant[]): RowScorer {
  return (row, candidates, count, total, coef) => {
    const junior = juniors[row]!;
    for (let i = 0; i < count; i++) {
      const senior = seniors[candidates[i]!]!;
      const value = scorer.score(junior, senior);
      if (!(value >= 0 && value <= 1)) {
        throw new PluginError([{ path: ['scorers', scorer.id], message: `score(${junior.id}, ${senior.id}) must return a number in [0, 1]`, received: value }]);
      }
      total[i]! += coef * value;
    }
  };
}

/**
 * Compiles the hot scoring loop of a cohort: the participants become typed columns once, the
 * built-in constraints and scorers run on those columns, custom ones through their object
 * interface. Gives, pair for pair, the scores and refusals of the object path
 * (`makeEligibleScore`), bit for bit: constraints in attribution order, then the weighted sum of
 * the scorers in their order, then `minScore`.
 *
 * @param prepared - The validated cohort.
 * @param juniors - The rows.
 * @param seniors - The columns.
 */
export function makeScoreRow(prepared: Prepared, juniors: readonly Participant[], seniors: readonly Participant[]): ScoreRow {
  const { context, program } = prepared;
  const columns = compileColumns(juniors, seniors, prepared.participants, program.skills, context.timezoneYear);
  const filters = prepared.constraints.map((constraint, k) => {
    const kernel = k < prepared.builtinConstraintCount ? builtinConstraintKernels[constraint.id] : undefined;
    return kernel ? kernel(context, columns) : objectFilter(constraint, juniors, seniors);
  });
  const scorers = prepared.scorers.map((entry) => {
    const kernel = entry.custom ? undefined : builtinScorerKernels[entry.scorer.id];
    return { coef: entry.coef, run: kernel ? kernel(context, columns) : objectScorer(entry.scorer, juniors, seniors) };
  });
  const minScore = program.constraints.minScore;
  const cols = seniors.length;
  return (row, candidates, total) => {
    let count = cols;
    for (let c = 0; c < cols; c++) candidates[c] = c;
    for (let k = 0; k < filters.length && count > 0; k++) count = filters[k]!(row, candidates, count);
    total.fill(0, 0, count);
    for (let k = 0; k < scorers.length; k++) scorers[k]!.run(row, candidates, count, total, scorers[k]!.coef);
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const value = total[i]!;
      if (belowMinScore(value, minScore)) continue;
      candidates[kept] = candidates[i]!;
      total[kept++] = value;
    }
    return kept;
  };
}
