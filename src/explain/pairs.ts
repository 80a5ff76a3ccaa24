import type { Prepared } from '../engine/prepare';
import type { Eligibility } from '../engine/eligibility';
import { displayName } from '../model/context';
import type { Participant } from '../model/participant';
import { GOAL_MIN_SHARE, type Goal } from '../model/program';
import type { ResultPair } from '../model/result';
import { renderReason } from './messages/render';
import type { Locale, Reason } from './messages/types';
import type { RuleExplainer } from './rules';
import type { SolutionView } from './solution-view';

/** What the pair explanations need beyond the cohort. */
export interface PairExplainer {
  readonly prepared: Prepared;
  readonly eligibility: Eligibility;
  readonly view: SolutionView;
  readonly locale: Locale;
  /** Edge ids that were locked by the program. */
  readonly locked: ReadonlySet<number>;
  /** Drop of the total if the edge were forced; `null` = would cost a pair; `undefined` = not computed. */
  readonly forcingCost: (edge: number) => number | null | undefined;
  /** How the programme rules shaped the result, when the program has rules. */
  readonly rules?: RuleExplainer;
}

/**
 * Explains one chosen pair: contributions with reasons, each side's rank of the other, the best
 * partner each could have had instead and what forcing it would cost.
 */
export function explainPair(x: PairExplainer, edge: number): ResultPair {
  const { view, eligibility, locale } = x;
  const row = view.edgeRow[edge]!;
  const col = view.graph.edgeCol[edge]!;
  const junior = eligibility.juniors[row]!;
  const senior = eligibility.seniors[col]!;
  const render = (r: Reason) => renderReason(r, locale);

  let score = 0;
  const contributions = x.prepared.scorers.map(({ scorer, coef, share }) => {
    const value = scorer.score(junior, senior);
    const points = coef * value;
    score += points;
    return { scorer: scorer.id, points, value, share, reasons: scorer.explain(junior, senior).map(render) };
  });

  const ranks = {
    junior: { rank: view.rank('junior', row, edge), of: view.degree('junior', row) },
    senior: { rank: view.rank('senior', col, edge), of: view.degree('senior', col) },
  };
  const names = { junior: displayName(junior), senior: displayName(senior) };
  const text: string[] = [render({ messageId: 'pair.summary', params: { ...names, score } })];
  if (x.locked.has(edge)) text.push(render({ messageId: 'pair.locked', params: names }));
  const top = [...contributions].sort((a, b) => b.points - a.points)[0];
  if (top && top.points > 0 && top.reasons[0]) text.push(`${capitalize(top.reasons[0])}.`);
  text.push(
    render({
      messageId: 'pair.ranks',
      params: { ...names, juniorRank: ranks.junior.rank, juniorOf: ranks.junior.of, seniorRank: ranks.senior.rank, seniorOf: ranks.senior.of },
    }),
  );
  const goals = servedGoals(x.prepared.program.goals, junior, senior, contributions, score);
  if (goals.length > 0) text.push(render({ messageId: 'pair.goals', params: { goals: goals.map((g) => g.label) } }));

  const byRule = x.locked.has(edge) ? undefined : x.rules?.pair(edge);
  if (byRule) text.push(render(byRule));
  const alternatives: ResultPair['alternatives'] = [];
  if (!x.locked.has(edge)) {
    for (const side of ['junior', 'senior'] as const) {
      const best = view.best(side, side === 'junior' ? row : col, 0);
      if (best < 0 || view.graph.edgeWeight[best]! <= view.graph.edgeWeight[edge]!) continue;
      const cost = x.forcingCost(best);
      if (cost === undefined) continue;
      const person = side === 'junior' ? junior : senior;
      const partner = side === 'junior' ? eligibility.seniors[view.graph.edgeCol[best]!]! : eligibility.juniors[view.edgeRow[best]!]!;
      const holders = partnersOf(x, side === 'junior' ? 'senior' : 'junior', side === 'junior' ? view.graph.edgeCol[best]! : view.edgeRow[best]!);
      const altScore = view.graph.edgeWeight[best]!;
      alternatives.push({ side, partnerId: partner.id, score: altScore, pairedWith: holders.map((p) => p.id), cost });
      const common = { person: displayName(person), partner: displayName(partner), score: altScore };
      const holder = holders.map(displayName).join(', ');
      text.push(
        render(
          cost === null
            ? { messageId: 'alternative.losesPair', params: { ...common, holder } }
            : holders.length > 0
              ? { messageId: 'alternative.taken', params: { ...common, holder, cost } }
              : { messageId: 'alternative.free', params: { ...common, cost } },
        ),
      );
    }
  }

  const notes = x.prepared.constraints.flatMap((c) => {
    const note = c.note?.(junior, senior);
    return note ? [render(note)] : [];
  });
  return {
    juniorId: junior.id,
    seniorId: senior.id,
    score,
    contributions,
    explanation: text.join(' '),
    locked: x.locked.has(edge),
    ranks,
    alternatives,
    notes,
    goals: goals.map((g) => g.id),
  };
}

/**
 * The goals a pair serves, in program order: those whose `tag` either side carries, and those one
 * of whose `scorers` gives at least {@link GOAL_MIN_SHARE} of the pair's points.
 */
export function servedGoals(
  goals: readonly Goal[],
  junior: Participant,
  senior: Participant,
  contributions: readonly { readonly scorer: string; readonly points: number }[],
  score: number,
): Goal[] {
  if (goals.length === 0) return [];
  return goals.filter(
    (goal) =>
      (goal.tag !== undefined && ((junior.tags ?? []).includes(goal.tag) || (senior.tags ?? []).includes(goal.tag))) ||
      (score > 0 && contributions.some((c) => c.points > 0 && c.points / score >= GOAL_MIN_SHARE && (goal.scorers ?? []).includes(c.scorer))),
  );
}

/** The partners a participant has in the result. */
export function partnersOf(x: Pick<PairExplainer, 'view' | 'eligibility'>, side: 'junior' | 'senior', index: number): Participant[] {
  return x.view.chosenEdges(side, index).map((e) =>
    side === 'junior' ? x.eligibility.seniors[x.view.graph.edgeCol[e]!]! : x.eligibility.juniors[x.view.edgeRow[e]!]!,
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
