/** A count of partners excluded by one rule, in an unmatched participant's detail. */
export interface ExclusionCount {
  /** Rule id: a key of `program.constraints` or a custom constraint id. */
  readonly rule: string;
  /** How many partners that rule excluded first. */
  readonly count: number;
}

/** A skill taught in a pair, for skill reasons. */
interface Teaching {
  /** Display name of the teacher. */
  readonly teacher: string;
  /** Display name of the learner. */
  readonly learner: string;
  /** Label of the skill. */
  readonly skill: string;
  /** Teacher's level, 0..5. */
  readonly teacherLevel: number;
  /** Learner's level, 0..5. */
  readonly learnerLevel: number;
  /** Learner's desire, 0..5. */
  readonly want: number;
}

interface Two {
  readonly junior: string;
  readonly senior: string;
}

/**
 * Parameters of each message, by message id. Every text of an explanation comes from a message id
 * and its parameters, so it can be rendered in any supported locale (or by a vendor's own texts).
 */
export interface MessageParams {
  'skillGap.teaches': Teaching;
  'skillGap.none': Two;
  'skillGap.nothingWanted': Two;
  'reciprocity.teaches': Teaching;
  'reciprocity.none': Two;
  'reciprocity.nothingWanted': Two;
  'crossSilo.departments': { readonly a: string; readonly b: string };
  'crossSilo.sameDepartment': { readonly department: string };
  'crossSilo.sites': { readonly a: string; readonly b: string };
  'crossSilo.sameSite': { readonly site: string };
  'crossSilo.siteUnknown': { readonly who: string };
  'availability.overlap': { readonly count: number; readonly slots: string };
  'availability.none': Two;
  'availability.unknown': { readonly who: string };
  'openness.both': { readonly junior: string; readonly senior: string; readonly juniorLevel: number; readonly seniorLevel: number };
  'openness.missing': { readonly who: string; readonly neutral: number };
  'constraint.volunteersOnly': { readonly who: string };
  'constraint.notInReportingLine': { readonly manager: string; readonly report: string };
  'constraint.differentDepartment': { readonly department: string };
  'constraint.sharedLanguage': { readonly junior: string; readonly senior: string; readonly juniorLanguages: string; readonly seniorLanguages: string };
  'constraint.maxTimezoneGapHours': { readonly juniorZone: string; readonly seniorZone: string; readonly gap: number; readonly max: number };
  'constraint.minAvailabilityOverlap': { readonly count: number; readonly min: number };
  'constraint.avoidPastPartners': Two;
  'constraint.minScore': { readonly score: number; readonly min: number };
  'constraint.forbiddenPairs': Two;
  'constraint.fieldMissing': { readonly rule: string; readonly field: string; readonly who: string };
  'pair.summary': { readonly junior: string; readonly senior: string; readonly score: number };
  'pair.locked': Two;
  'pair.ranks': { readonly junior: string; readonly senior: string; readonly juniorRank: number; readonly juniorOf: number; readonly seniorRank: number; readonly seniorOf: number };
  /** The programme goals a pair serves; `goals` are the goals' labels, the user's own text. */
  'pair.goals': { readonly goals: readonly string[] };
  'alternative.taken': { readonly person: string; readonly partner: string; readonly score: number; readonly holder: string; readonly cost: number };
  'alternative.free': { readonly person: string; readonly partner: string; readonly score: number; readonly cost: number };
  'alternative.losesPair': { readonly person: string; readonly partner: string; readonly score: number; readonly holder: string };
  'unmatched.notVolunteer': { readonly who: string };
  'unmatched.noEligible': { readonly who: string; readonly excluded: number; readonly side: 'junior' | 'senior'; readonly rules: readonly ExclusionCount[] };
  'unmatched.belowMinScore': { readonly who: string; readonly count: number; readonly best: number; readonly min: number };
  'unmatched.outcompeted': { readonly who: string; readonly count: number; readonly partner: string; readonly score: number; readonly holder: string; readonly cost: number | null };
  /** `side` is the partner side; `demand` the people of the other side wanting a place, `supply` the partner side's places. */
  'unmatched.capacity': { readonly who: string; readonly count: number; readonly side: 'junior' | 'senior'; readonly demand: number; readonly supply: number };
  'unmatched.notWorthIt': { readonly who: string; readonly count: number; readonly best: number };
  /** A pair the rules shaped; `partner` is whom `person` would have had without them (with `delta` more points). */
  'rule.pair': { readonly rules: string; readonly person: string; readonly partner: string; readonly delta: number };
  /** A pair the rules shaped, whose junior would have had no partner without them. */
  'rule.pairOnly': { readonly rules: string };
  /** Unpaired because of the rules; `partner` is whom `who` would have had without them. */
  'unmatched.rules': { readonly who: string; readonly rules: string; readonly partner: string };
  /** Unpaired because no solution meets the rules. */
  'unmatched.infeasible': { readonly who: string };
  /** Unpaired because the solve stopped before any solution was found. */
  'unmatched.stopped': { readonly who: string };
  /** `explainPairChoice`: the pair is in the result. */
  'choice.paired': { readonly junior: string; readonly senior: string; readonly score: number };
  /** `explainPairChoice`: hard rules refuse the pair; `reasons` are already rendered. */
  'choice.refused': { readonly junior: string; readonly senior: string; readonly score: number; readonly reasons: readonly string[] };
  /** `explainPairChoice`: eligible, not chosen; `juniorWith`/`seniorWith` list current partners (empty: none). */
  'choice.notChosen': { readonly junior: string; readonly senior: string; readonly score: number; readonly juniorWith: readonly string[]; readonly seniorWith: readonly string[] };
  /** Forcing the pair keeps the number of pairs and lowers the total by `cost` (0: another optimum has it). */
  'choice.forceCost': { readonly cost: number; readonly changed: number };
  /** Forcing the pair costs pairs (`maxPairsThenScore`, `maximin`). */
  'choice.forcePairs': { readonly lost: number; readonly cost: number; readonly changed: number };
  /** Forcing the pair makes the programme's rules impossible to meet. */
  'choice.forceInfeasible': Record<string, never>;
  /** Forcing the pair was stopped by the time limit before a solution came. */
  'choice.forceStopped': Record<string, never>;
}

/** Id of a message of the catalogue. */
export type MessageId = keyof MessageParams;

/** A text written by a plug-in: one string, or one per locale (English required). */
export type LocalizedText = string | { readonly en: string; readonly fr?: string };

/**
 * One reason of an explanation: a message id with its parameters (built-ins), or a ready text
 * (custom plug-ins). Reasons are data; they are rendered per locale when the result is built.
 */
export type Reason =
  | { readonly [K in MessageId]: { readonly messageId: K; readonly params: MessageParams[K] } }[MessageId]
  | { readonly text: LocalizedText };

/** Supported locales of explanation texts. */
export type Locale = 'en' | 'fr';

/** A message catalogue: one rendering function per message id. */
export type Catalog = { readonly [K in MessageId]: (params: MessageParams[K], format: Formatter) => string };

/** Locale-aware formatting helpers handed to catalogue functions. */
export interface Formatter {
  /** A number with at most one decimal (`78.4` / `78,4`). */
  num(value: number): string;
  /** A list joined the locale's way (`a, b and c` / `a, b et c`). */
  list(items: readonly string[]): string;
}
