import type { Catalog } from './types';

/** English texts of every message. */
export const en: Catalog = {
  'skillGap.teaches': (p, f) => `${p.teacher} teaches ${p.learner} ${p.skill}: ${f.num(p.teacherLevel)} vs ${f.num(p.learnerLevel)}, ${p.learner} wants it ${f.num(p.want)}/5`,
  'skillGap.none': (p) => `${p.junior} knows nothing better than ${p.senior} among what ${p.senior} wants to learn`,
  'skillGap.nothingWanted': (p) => `${p.senior} listed no digital or social skill to learn`,
  'reciprocity.teaches': (p, f) => `${p.teacher} teaches ${p.learner} ${p.skill}: ${f.num(p.teacherLevel)} vs ${f.num(p.learnerLevel)}, ${p.learner} wants it ${f.num(p.want)}/5`,
  'reciprocity.none': (p) => `${p.senior} knows nothing better than ${p.junior} among what ${p.junior} wants to learn`,
  'reciprocity.nothingWanted': (p) => `${p.junior} listed no strategy or sector skill to learn`,
  'crossSilo.departments': (p) => `different departments: ${p.a} and ${p.b}`,
  'crossSilo.sameDepartment': (p) => `same department (${p.department})`,
  'crossSilo.sites': (p) => `different sites: ${p.a} and ${p.b}`,
  'crossSilo.sameSite': (p) => `same site (${p.site})`,
  'crossSilo.siteUnknown': (p) => `site not given for ${p.who}`,
  'availability.overlap': (p) => `${p.count} common ${p.count === 1 ? 'slot' : 'slots'}: ${p.slots}`,
  'availability.none': (p) => `${p.junior} and ${p.senior} have no common slot`,
  'availability.unknown': (p) => `availability not given for ${p.who}`,
  'openness.both': (p, f) => `openness ${f.num(p.juniorLevel)}/5 (${p.junior}) and ${f.num(p.seniorLevel)}/5 (${p.senior})`,
  'openness.missing': (p, f) => `openness not given for ${p.who}, counted as ${f.num(p.neutral)}/5`,
  'constraint.volunteersOnly': (p) => `${p.who} is not a volunteer`,
  'constraint.notInReportingLine': (p) => `${p.report} is in ${p.manager}'s reporting line`,
  'constraint.differentDepartment': (p) => `both in ${p.department}`,
  'constraint.sharedLanguage': (p) => `no common language (${p.junior}: ${p.juniorLanguages}; ${p.senior}: ${p.seniorLanguages})`,
  'constraint.maxTimezoneGapHours': (p, f) => `time zones ${p.juniorZone} and ${p.seniorZone} are up to ${f.num(p.gap)} h apart (limit ${f.num(p.max)} h)`,
  'constraint.minAvailabilityOverlap': (p) => `${p.count} common ${p.count === 1 ? 'slot' : 'slots'}, ${p.min} required`,
  'constraint.avoidPastPartners': (p) => `${p.junior} and ${p.senior} were partners before`,
  'constraint.minScore': (p, f) => `score ${f.num(p.score)} is below the minimum of ${f.num(p.min)}`,
  'constraint.forbiddenPairs': (p) => `the program forbids pairing ${p.junior} with ${p.senior}`,
  'constraint.fieldMissing': (p) => `${p.rule} not checked: ${p.field} not given for ${p.who}`,
  'pair.summary': (p, f) => `${p.junior} and ${p.senior}: ${f.num(p.score)} points.`,
  'pair.locked': (p) => `The program locks ${p.junior} with ${p.senior}.`,
  'pair.ranks': (p) =>
    `${p.senior} is ${p.junior}'s choice no. ${p.juniorRank} of ${p.juniorOf} eligible; ${p.junior} is ${p.senior}'s no. ${p.seniorRank} of ${p.seniorOf}.`,
  'pair.goals': (p, f) => `Serves the programme's ${p.goals.length === 1 ? 'goal' : 'goals'}: ${f.list(p.goals.map((g) => `"${g}"`))}.`,
  'alternative.taken': (p, f) =>
    `${p.person}'s top option was ${p.partner} (${f.num(p.score)} points), paired with ${p.holder}: forcing it would lower the total by ${f.num(p.cost)} points.`,
  'alternative.free': (p, f) =>
    `${p.person}'s top option was ${p.partner} (${f.num(p.score)} points): forcing it would lower the total by ${f.num(p.cost)} points.`,
  'alternative.losesPair': (p, f) =>
    `${p.person}'s top option was ${p.partner} (${f.num(p.score)} points), paired with ${p.holder}: forcing it would leave one more person without a partner.`,
  'unmatched.notVolunteer': (p) => `${p.who} did not volunteer`,
  'unmatched.noEligible': (p, f) =>
    `no eligible ${p.side}: ${p.excluded} ${p.side}${p.excluded === 1 ? '' : 's'} excluded` +
    (p.rules.length ? `: ${f.list(p.rules.map((r) => `${r.count} by ${r.rule}`))}` : ''),
  'unmatched.belowMinScore': (p, f) =>
    `${p.count} eligible ${p.count === 1 ? 'partner' : 'partners'}, but the best score is ${f.num(p.best)}, below the minimum of ${f.num(p.min)}`,
  'unmatched.outcompeted': (p, f) =>
    `${p.count} eligible ${p.count === 1 ? 'partner' : 'partners'}, all paired with others for a better total; the top option, ${p.partner} (${f.num(p.score)} points), is paired with ${p.holder}` +
    (p.cost === null ? '' : `: forcing it would lower the total by ${f.num(p.cost)} points`),
  'unmatched.capacity': (p) =>
    `more ${p.side === 'senior' ? 'junior' : 'senior'} places than ${p.side} places (${p.demand} for ${p.supply}); ${p.count === 1 ? 'the only eligible ' + p.side + ' is' : `all ${p.count} eligible ${p.side}s are`} full`,
  'unmatched.notWorthIt': (p, f) =>
    `${p.count} eligible ${p.count === 1 ? 'partner' : 'partners'}, but the best score is ${f.num(p.best)}: no pair adds to the total`,
  'rule.pair': (p, f) => `Paired to meet ${p.rules}; without the rules, ${p.person} would have gone to ${p.partner} (+${f.num(p.delta)} points).`,
  'rule.pairOnly': (p) => `Paired to meet ${p.rules}.`,
  'unmatched.rules': (p) => `left out to meet ${p.rules}; without the rules, ${p.who} would be paired with ${p.partner}`,
  'unmatched.infeasible': () => 'no set of pairs meets every rule of the program (see the diagnosis)',
  'unmatched.stopped': () => 'the solve stopped (time limit or cancellation) before any set of pairs meeting the rules was found',
  'choice.paired': (p, f) => `${p.junior} and ${p.senior} are paired in the result (${f.num(p.score)} points).`,
  'choice.refused': (p, f) => `${p.junior} and ${p.senior} (${f.num(p.score)} points) cannot be paired: ${f.list(p.reasons)}.`,
  'choice.notChosen': (p, f) =>
    `${p.junior} and ${p.senior} could be paired (${f.num(p.score)} points) but are not: ` +
    `${p.junior} is ${p.juniorWith.length ? `paired with ${f.list(p.juniorWith)}` : 'unpaired'}, ${p.senior} ${p.seniorWith.length ? `with ${f.list(p.seniorWith)}` : 'is unpaired'}.`,
  'choice.forceCost': (p, f) =>
    p.cost <= 0
      ? `Forcing the pair costs nothing: another best result contains it (${p.changed} ${p.changed === 1 ? 'pair changes' : 'pairs change'}).`
      : `Forcing the pair would lower the total by ${f.num(p.cost)} points (${p.changed} ${p.changed === 1 ? 'pair changes' : 'pairs change'}).`,
  'choice.forcePairs': (p, f) =>
    `Forcing the pair would leave ${p.lost} ${p.lost === 1 ? 'pair' : 'pairs'} fewer and change the total by ${f.num(-p.cost)} points (${p.changed} ${p.changed === 1 ? 'pair changes' : 'pairs change'}).`,
  'choice.forceInfeasible': () => "Forcing the pair is impossible: no set of pairs with it meets every rule of the program.",
  'choice.forceStopped': () => 'The time limit stopped the solve with the pair forced before it found a solution.',
};
