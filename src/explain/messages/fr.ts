import type { Catalog } from './types';

const role = (side: 'junior' | 'senior', plural: boolean) => (side === 'junior' ? 'junior' : 'senior') + (plural ? 's' : '');

/** French texts of every message. */
export const fr: Catalog = {
  'skillGap.teaches': (p, f) => `${p.teacher} initie ${p.learner} à : ${p.skill} (${f.num(p.teacherLevel)} contre ${f.num(p.learnerLevel)}, souhait de ${p.learner} ${f.num(p.want)}/5)`,
  'skillGap.none': (p) => `${p.junior} n'en sait pas plus que ${p.senior} sur ce que ${p.senior} veut apprendre`,
  'skillGap.nothingWanted': (p) => `${p.senior} n'a demandé aucune compétence numérique ou sociétale`,
  'reciprocity.teaches': (p, f) => `${p.teacher} initie ${p.learner} à : ${p.skill} (${f.num(p.teacherLevel)} contre ${f.num(p.learnerLevel)}, souhait de ${p.learner} ${f.num(p.want)}/5)`,
  'reciprocity.none': (p) => `${p.senior} n'en sait pas plus que ${p.junior} sur ce que ${p.junior} veut apprendre`,
  'reciprocity.nothingWanted': (p) => `${p.junior} n'a demandé aucune compétence de stratégie ou de métier`,
  'crossSilo.departments': (p) => `directions différentes : ${p.a} et ${p.b}`,
  'crossSilo.sameDepartment': (p) => `même direction (${p.department})`,
  'crossSilo.sites': (p) => `sites différents : ${p.a} et ${p.b}`,
  'crossSilo.sameSite': (p) => `même site (${p.site})`,
  'crossSilo.siteUnknown': (p) => `site non renseigné pour ${p.who}`,
  'availability.overlap': (p) => `${p.count} ${p.count === 1 ? 'créneau commun' : 'créneaux communs'} : ${p.slots}`,
  'availability.none': (p) => `${p.junior} et ${p.senior} n'ont aucun créneau commun`,
  'availability.unknown': (p) => `disponibilités non renseignées pour ${p.who}`,
  'openness.both': (p, f) => `ouverture ${f.num(p.juniorLevel)}/5 (${p.junior}) et ${f.num(p.seniorLevel)}/5 (${p.senior})`,
  'openness.missing': (p, f) => `ouverture non renseignée pour ${p.who}, comptée ${f.num(p.neutral)}/5`,
  'constraint.volunteersOnly': (p) => `${p.who} n'est pas volontaire`,
  'constraint.notInReportingLine': (p) => `${p.report} fait partie de la ligne hiérarchique de ${p.manager}`,
  'constraint.differentDepartment': (p) => `tous deux en ${p.department}`,
  'constraint.sharedLanguage': (p) => `aucune langue commune (${p.junior} : ${p.juniorLanguages} ; ${p.senior} : ${p.seniorLanguages})`,
  'constraint.maxTimezoneGapHours': (p, f) => `fuseaux ${p.juniorZone} et ${p.seniorZone} distants de ${f.num(p.gap)} h au plus (limite ${f.num(p.max)} h)`,
  'constraint.minAvailabilityOverlap': (p) => `${p.count} ${p.count === 1 ? 'créneau commun' : 'créneaux communs'}, ${p.min} requis`,
  'constraint.avoidPastPartners': (p) => `${p.junior} et ${p.senior} ont déjà été en binôme`,
  'constraint.minScore': (p, f) => `score de ${f.num(p.score)}, sous le minimum de ${f.num(p.min)}`,
  'constraint.forbiddenPairs': (p) => `le programme interdit le binôme ${p.junior} et ${p.senior}`,
  'constraint.fieldMissing': (p) => `${p.rule} non vérifié : ${p.field} non renseigné pour ${p.who}`,
  'pair.summary': (p, f) => `${p.junior} et ${p.senior} : ${f.num(p.score)} points.`,
  'pair.locked': (p) => `Le programme impose le binôme ${p.junior} et ${p.senior}.`,
  'pair.ranks': (p) =>
    `${p.senior} est le choix n° ${p.juniorRank} de ${p.junior} sur ${p.juniorOf} possibles ; ${p.junior} est le n° ${p.seniorRank} de ${p.senior} sur ${p.seniorOf}.`,
  'pair.goals': (p, f) =>
    `Sert ${p.goals.length === 1 ? "l'objectif" : 'les objectifs'} du programme : ${f.list(p.goals.map((g) => `« ${g} »`))}.`,
  'alternative.taken': (p, f) =>
    `Le meilleur choix de ${p.person} était ${p.partner} (${f.num(p.score)} points), en binôme avec ${p.holder} : l'imposer ferait perdre ${f.num(p.cost)} points au total.`,
  'alternative.free': (p, f) =>
    `Le meilleur choix de ${p.person} était ${p.partner} (${f.num(p.score)} points) : l'imposer ferait perdre ${f.num(p.cost)} points au total.`,
  'alternative.losesPair': (p, f) =>
    `Le meilleur choix de ${p.person} était ${p.partner} (${f.num(p.score)} points), en binôme avec ${p.holder} : l'imposer laisserait une personne de plus sans binôme.`,
  'unmatched.notVolunteer': (p) => `${p.who} n'est pas volontaire`,
  'unmatched.noEligible': (p, f) =>
    `aucun ${role(p.side, false)} possible : ${p.excluded} ${role(p.side, p.excluded > 1)} ${p.excluded > 1 ? 'exclus' : 'exclu'}` +
    (p.rules.length ? ` (${f.list(p.rules.map((r) => `${r.count} par ${r.rule}`))})` : ''),
  'unmatched.belowMinScore': (p, f) =>
    `${p.count} ${p.count > 1 ? 'partenaires possibles' : 'partenaire possible'}, mais le meilleur score, ${f.num(p.best)}, est sous le minimum de ${f.num(p.min)}`,
  'unmatched.outcompeted': (p, f) =>
    `${p.count} ${p.count > 1 ? 'partenaires possibles, tous en binôme' : 'partenaire possible, en binôme'} avec d'autres pour un meilleur total ; le meilleur choix, ${p.partner} (${f.num(p.score)} points), est en binôme avec ${p.holder}` +
    (p.cost === null ? '' : ` : l'imposer ferait perdre ${f.num(p.cost)} points au total`),
  'unmatched.capacity': (p) =>
    `plus de places de ${role(p.side === 'senior' ? 'junior' : 'senior', true)} que de places de ${role(p.side, true)} (${p.demand} pour ${p.supply}) ; ${p.count > 1 ? `les ${p.count} ${role(p.side, true)} possibles sont complets` : `le seul ${role(p.side, false)} possible est complet`}`,
  'unmatched.notWorthIt': (p, f) =>
    `${p.count} ${p.count > 1 ? 'partenaires possibles' : 'partenaire possible'}, mais le meilleur score est de ${f.num(p.best)} : aucun binôme n'ajoute au total`,
  'rule.pair': (p, f) => `Binôme formé pour respecter ${p.rules} ; sans ces règles, ${p.person} serait allé·e vers ${p.partner} (+${f.num(p.delta)} points).`,
  'rule.pairOnly': (p) => `Binôme formé pour respecter ${p.rules}.`,
  'unmatched.rules': (p) => `laissé·e de côté pour respecter ${p.rules} ; sans ces règles, ${p.who} serait en binôme avec ${p.partner}`,
  'unmatched.infeasible': () => 'aucun ensemble de binômes ne respecte toutes les règles du programme (voir le diagnostic)',
  'unmatched.stopped': () => "le calcul s'est arrêté (limite de temps ou annulation) avant de trouver un ensemble de binômes respectant les règles",
  'choice.paired': (p, f) => `${p.junior} et ${p.senior} sont en binôme dans le résultat (${f.num(p.score)} points).`,
  'choice.refused': (p, f) => `${p.junior} et ${p.senior} (${f.num(p.score)} points) ne peuvent pas former un binôme : ${f.list(p.reasons)}.`,
  'choice.notChosen': (p, f) =>
    `${p.junior} et ${p.senior} pourraient former un binôme (${f.num(p.score)} points) mais ne le forment pas : ` +
    `${p.junior} ${p.juniorWith.length ? `est avec ${f.list(p.juniorWith)}` : 'est sans binôme'}, ${p.senior} ${p.seniorWith.length ? `avec ${f.list(p.seniorWith)}` : 'est sans binôme'}.`,
  'choice.forceCost': (p, f) =>
    p.cost <= 0
      ? `Imposer ce binôme ne coûte rien : un autre meilleur résultat le contient (${p.changed} ${p.changed > 1 ? 'binômes changent' : 'binôme change'}).`
      : `Imposer ce binôme ferait perdre ${f.num(p.cost)} points au total (${p.changed} ${p.changed > 1 ? 'binômes changent' : 'binôme change'}).`,
  'choice.forcePairs': (p, f) =>
    `Imposer ce binôme ferait perdre ${p.lost} ${p.lost > 1 ? 'binômes' : 'binôme'} et changerait le total de ${f.num(-p.cost)} points (${p.changed} ${p.changed > 1 ? 'binômes changent' : 'binôme change'}).`,
  'choice.forceInfeasible': () => "Imposer ce binôme est impossible : aucun ensemble de binômes qui le contient ne respecte toutes les règles du programme.",
  'choice.forceStopped': () => "La limite de temps a arrêté le calcul avec ce binôme imposé avant qu'il ne trouve une solution.",
};
