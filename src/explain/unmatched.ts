import type { Eligibility } from '../engine/eligibility';
import { MIN_SCORE_RULE, firstRefusal, makeScore } from '../engine/pair-scoring';
import type { Prepared } from '../engine/prepare';
import { displayName } from '../model/context';
import type { Participant } from '../model/participant';
import type { Unmatched } from '../model/result';
import { renderReason } from './messages/render';
import type { ExclusionCount, Locale, Reason } from './messages/types';
import { partnersOf } from './pairs';
import type { RuleExplainer } from './rules';
import type { SolutionView } from './solution-view';

/** What the unmatched explanations need. */
export interface UnmatchedExplainer {
  readonly prepared: Prepared;
  readonly eligibility: Eligibility;
  readonly view: SolutionView;
  readonly locale: Locale;
  /** Places left on each side once the result is formed (sum of unused capacities). */
  readonly freePlaces: { readonly junior: number; readonly senior: number };
  /** Total places on each side among matchable people with at least one eligible partner. */
  readonly places: { readonly junior: number; readonly senior: number };
  /** Drop of the total if the edge were forced; `null` = would cost a pair; `undefined` = not computed. */
  readonly forcingCost: (edge: number) => number | null | undefined;
  /** How the programme rules shaped the result, when the program has rules. */
  readonly rules?: RuleExplainer;
  /** Set when the result has no pairs because the rules cannot hold or the solve stopped first. */
  readonly noSolution?: 'infeasible' | 'stopped';
}

/**
 * Lists everyone without a partner, with a reason code and a readable detail, sorted by id.
 *
 * @returns One entry per unpaired participant; no one is dropped.
 */
export function explainUnmatched(x: UnmatchedExplainer): Unmatched[] {
  const { prepared, eligibility, view } = x;
  const rowOf = new Map(eligibility.juniors.map((p, i) => [p.id, i] as const));
  const colOf = new Map(eligibility.seniors.map((p, i) => [p.id, i] as const));
  const out: Unmatched[] = [];
  for (const person of prepared.participants) {
    const side = person.role;
    const index = side === 'junior' ? rowOf.get(person.id) : colOf.get(person.id);
    if (index !== undefined && view.load(side, index) > 0) continue;
    out.push(index === undefined ? notVolunteer(x, person) : unpaired(x, person, index));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function entry(x: UnmatchedExplainer, person: Participant, reason: Unmatched['reason'], detail: Reason): Unmatched {
  const base = { id: person.id, role: person.role, reason, detail: renderReason(detail, x.locale) };
  return person.name === undefined ? base : { ...base, name: person.name };
}

function notVolunteer(x: UnmatchedExplainer, person: Participant): Unmatched {
  return entry(x, person, 'not-volunteer', { messageId: 'unmatched.notVolunteer', params: { who: displayName(person) } });
}

function unpaired(x: UnmatchedExplainer, person: Participant, index: number): Unmatched {
  const { view, eligibility, prepared } = x;
  const side = person.role;
  const partnerSide = side === 'junior' ? 'senior' : 'junior';
  const who = displayName(person);
  const count = view.degree(side, index);
  if (count === 0) return noEligible(x, person);
  if (x.noSolution === 'infeasible') return entry(x, person, 'rules', { messageId: 'unmatched.infeasible', params: { who } });
  if (x.noSolution === 'stopped') return entry(x, person, 'time-limit', { messageId: 'unmatched.stopped', params: { who } });
  const byRule = x.rules?.unmatched(person);
  if (byRule) return entry(x, person, 'rules', byRule);

  const weights = view.graph.edgeWeight;
  const partnerIndex = (e: number) => (side === 'junior' ? view.graph.edgeCol[e]! : view.edgeRow[e]!);
  const partnerOf = (e: number) => (side === 'junior' ? eligibility.seniors[partnerIndex(e)]! : eligibility.juniors[partnerIndex(e)]!);
  const best = view.best(side, index);
  if (view.bestWithFreePartner(side, index) >= 0 && prepared.program.objective === 'maxScore') {
    return entry(x, person, 'outcompeted', { messageId: 'unmatched.notWorthIt', params: { who, count, best: weights[best]! } });
  }
  if (x.freePlaces[partnerSide] === 0) {
    return entry(x, person, 'capacity', {
      messageId: 'unmatched.capacity',
      params: { who, count, side: partnerSide, demand: x.places[side], supply: x.places[partnerSide] },
    });
  }
  const holders = partnersOf(x, partnerSide, partnerIndex(best)).map(displayName).join(', ');
  const cost = x.forcingCost(best);
  return entry(x, person, 'outcompeted', {
    messageId: 'unmatched.outcompeted',
    params: { who, count, partner: displayName(partnerOf(best)), score: weights[best]!, holder: holders, cost: cost ?? null },
  });
}

/** No eligible partner at all: count, for each rule, the partners it excluded first. */
function noEligible(x: UnmatchedExplainer, person: Participant): Unmatched {
  const { prepared } = x;
  const score = makeScore(prepared);
  const partners = person.role === 'junior' ? prepared.context.seniors : prepared.context.juniors;
  const counts = new Map<string, number>();
  let belowMin = 0;
  let best = -Infinity;
  for (const partner of partners) {
    const [junior, senior] = person.role === 'junior' ? [person, partner] : [partner, person];
    const rule = firstRefusal(prepared, junior, senior, score);
    if (rule === undefined) continue;
    if (rule === MIN_SCORE_RULE) {
      belowMin++;
      best = Math.max(best, score(junior, senior));
    }
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  const who = displayName(person);
  if (belowMin > 0) {
    return entry(x, person, 'below-min-score', {
      messageId: 'unmatched.belowMinScore',
      params: { who, count: belowMin, best, min: prepared.program.constraints.minScore },
    });
  }
  const rules: ExclusionCount[] = [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
  return entry(x, person, 'no-eligible-partner', {
    messageId: 'unmatched.noEligible',
    params: { who, excluded: partners.length, side: person.role === 'junior' ? 'senior' : 'junior', rules },
  });
}
