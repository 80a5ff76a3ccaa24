import type { Locale } from '../explain/messages/types';
import type { Role } from '../model/participant';
import type { MatchResult, UnmatchedReason } from '../model/result';

/** Status of a match result. */
type Status = MatchResult['status'];

/**
 * The texts of a report, by locale. Every locale has every key (the type says so); numbers reach
 * the functions already formatted for the locale.
 */
export interface ReportLabels {
  /** Between a label and its value: `: ` in English, ` : ` in French. */
  readonly colon: string;
  /** Between items of a list in running text: `; ` in English, ` ; ` in French. */
  readonly semicolon: string;
  readonly defaultTitle: string;
  readonly generatedAt: (date: string) => string;
  readonly program: string;
  readonly contents: string;
  readonly summary: string;
  readonly status: string;
  readonly statuses: Readonly<Record<Status, string>>;
  readonly method: string;
  readonly gap: string;
  readonly pairs: string;
  readonly juniorsPaired: string;
  readonly seniorsPaired: string;
  /** `paired` of `volunteers` volunteers (`total` in all). */
  readonly ofVolunteers: (paired: string, volunteers: string, total: string) => string;
  /** Under a paired count: of `volunteers` volunteers, `total` in all. */
  readonly volunteersNote: (volunteers: string, total: string) => string;
  readonly totalScore: string;
  readonly meanScore: string;
  readonly scoreRange: string;
  readonly crossDepartment: string;
  readonly crossSite: string;
  readonly unmatchedCount: string;
  readonly warnings: string;
  readonly diagnosis: string;
  readonly conflicts: string;
  readonly relaxations: string;
  readonly notMinimal: string;
  readonly people: string;
  readonly rule: string;
  readonly histogram: string;
  readonly histogramCaption: string;
  readonly axisScore: string;
  readonly axisPairs: string;
  /** Tooltip of a histogram bar. */
  readonly bin: (from: string, to: string, count: number) => string;
  readonly skillFlow: string;
  readonly skillFlowCaption: string;
  readonly juniorToSenior: string;
  readonly seniorToJunior: string;
  /** Tooltip of a skill-flow bar. */
  readonly flowBar: (skill: string, count: number, pairs: number) => string;
  readonly noSkills: string;
  readonly departments: string;
  readonly departmentsCaption: string;
  readonly matrixCorner: string;
  readonly total: string;
  readonly pairsTitle: string;
  readonly filterLabel: string;
  readonly filterPlaceholder: string;
  /** Template read by the page's script: `{shown}` and `{total}` are replaced. */
  readonly shownTemplate: string;
  readonly noPairMatches: string;
  readonly junior: string;
  readonly senior: string;
  readonly departmentsColumn: string;
  readonly score: string;
  readonly mainReason: string;
  readonly explanation: string;
  readonly explanations: string;
  readonly breakdown: string;
  readonly points: (points: string) => string;
  readonly notes: string;
  readonly locked: string;
  readonly unmatchedTitle: string;
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly department: string;
  readonly reason: string;
  readonly detail: string;
  readonly roles: Readonly<Record<Role, string>>;
  readonly reasons: Readonly<Record<UnmatchedReason, string>>;
  readonly noPairs: string;
  readonly noUnmatched: string;
  /** Names of the built-in scorers; a custom scorer shows its id. */
  readonly scorers: Readonly<Record<string, string>>;
  readonly footer: string;
}

const en: ReportLabels = {
  colon: ': ',
  semicolon: '; ',
  defaultTitle: 'Reverse-mentoring pairs',
  generatedAt: (date) => `Generated on ${date}`,
  program: 'Program',
  contents: 'Contents',
  summary: 'Summary',
  status: 'Status',
  statuses: {
    optimal: 'Optimal',
    feasible: 'Feasible, not proven optimal',
    infeasible: 'Infeasible: the rules cannot all hold',
    'time-limit': 'Stopped before any solution',
  },
  method: 'method',
  gap: 'Optimality gap',
  pairs: 'Pairs',
  juniorsPaired: 'Juniors paired',
  seniorsPaired: 'Seniors paired',
  ofVolunteers: (paired, volunteers, total) => `${paired} of ${volunteers} volunteers (${total} in all)`,
  volunteersNote: (volunteers, total) => `of ${volunteers} volunteers, ${total} in all`,
  totalScore: 'Total score',
  meanScore: 'Mean score',
  scoreRange: 'Lowest – highest score',
  crossDepartment: 'Pairs across departments',
  crossSite: 'Pairs across sites',
  unmatchedCount: 'Unmatched',
  warnings: 'Warnings',
  diagnosis: 'Why the rules cannot all hold',
  conflicts: 'Conflicting rules',
  relaxations: 'Smallest changes that make the rules hold',
  notMinimal: 'This set of rules is not proven minimal.',
  people: 'People',
  rule: 'Rule',
  histogram: 'Pair scores',
  histogramCaption: 'Number of pairs by score, in bands of 10 points.',
  axisScore: 'Pair score (0–100)',
  axisPairs: 'Pairs',
  bin: (from, to, count) => `${from}–${to}: ${count} ${count === 1 ? 'pair' : 'pairs'}`,
  skillFlow: 'What flows in the pairs',
  skillFlowCaption:
    'For each skill, the number of pairs where the side that teaches it knows more than the other side, who wants to learn it.',
  juniorToSenior: 'Junior → senior (reverse mentoring)',
  seniorToJunior: 'Senior → junior (reciprocity)',
  flowBar: (skill, count, pairs) => `${skill}: ${count} of ${pairs} ${pairs === 1 ? 'pair' : 'pairs'}`,
  noSkills: 'The program has no skills.',
  departments: 'Departments crossed',
  departmentsCaption:
    "Pairs by the junior's department (rows) and the senior's department (columns); cells outlined in orange are pairs inside one department.",
  matrixCorner: 'Junior ↓ · Senior →',
  total: 'Total',
  pairsTitle: 'Pairs and explanations',
  filterLabel: 'Filter pairs',
  filterPlaceholder: 'Name, id or department',
  shownTemplate: 'Pairs shown: {shown} of {total}',
  noPairMatches: 'No pair matches the filter.',
  junior: 'Junior',
  senior: 'Senior',
  departmentsColumn: 'Departments',
  score: 'Score',
  mainReason: 'Main reason',
  explanation: 'Explanation',
  explanations: 'Explanations',
  breakdown: 'Score breakdown',
  points: (points) => `${points} points`,
  notes: 'Notes',
  locked: 'Locked by the program',
  unmatchedTitle: 'Unmatched participants',
  id: 'Id',
  name: 'Name',
  role: 'Role',
  department: 'Department',
  reason: 'Reason',
  detail: 'Detail',
  roles: { junior: 'Junior', senior: 'Senior' },
  reasons: {
    'not-volunteer': 'Not a volunteer',
    'no-eligible-partner': 'No eligible partner',
    outcompeted: 'Partners taken by better pairs',
    'below-min-score': 'Below the minimum score',
    capacity: 'Not enough places',
    rules: 'Program rules',
    'time-limit': 'Solve stopped',
  },
  noPairs: 'No pairs were formed.',
  noUnmatched: 'Everyone is paired.',
  scorers: {
    skillGap: 'Skill gap (junior teaches)',
    reciprocity: 'Reciprocity (senior teaches)',
    crossSilo: 'Across silos',
    availability: 'Availability',
    openness: 'Openness',
  },
  footer: 'Made with binome, the reverse-mentoring pairing engine.',
};

const fr: ReportLabels = {
  colon: ' : ',
  semicolon: ' ; ',
  defaultTitle: 'Binômes de mentorat inversé',
  generatedAt: (date) => `Produit le ${date}`,
  program: 'Programme',
  contents: 'Sommaire',
  summary: 'Synthèse',
  status: 'Statut',
  statuses: {
    optimal: 'Optimal',
    feasible: 'Réalisable, optimalité non prouvée',
    infeasible: 'Irréalisable : les règles ne peuvent pas toutes être respectées',
    'time-limit': 'Arrêté avant toute solution',
  },
  method: 'méthode',
  gap: "Écart à l'optimum",
  pairs: 'Binômes',
  juniorsPaired: 'Juniors en binôme',
  seniorsPaired: 'Seniors en binôme',
  ofVolunteers: (paired, volunteers, total) => `${paired} sur ${volunteers} volontaires (${total} en tout)`,
  volunteersNote: (volunteers, total) => `sur ${volunteers} volontaires, ${total} en tout`,
  totalScore: 'Score total',
  meanScore: 'Score moyen',
  scoreRange: 'Score le plus bas – le plus haut',
  crossDepartment: 'Binômes entre directions',
  crossSite: 'Binômes entre sites',
  unmatchedCount: 'Sans binôme',
  warnings: 'Avertissements',
  diagnosis: 'Pourquoi les règles ne peuvent pas toutes être respectées',
  conflicts: 'Règles en conflit',
  relaxations: 'Plus petits changements qui rendent les règles réalisables',
  notMinimal: "Cet ensemble de règles n'est pas prouvé minimal.",
  people: 'Personnes',
  rule: 'Règle',
  histogram: 'Scores des binômes',
  histogramCaption: 'Nombre de binômes par tranche de 10 points de score.',
  axisScore: 'Score du binôme (0–100)',
  axisPairs: 'Binômes',
  bin: (from, to, count) => `${from}–${to} : ${count} ${count > 1 ? 'binômes' : 'binôme'}`,
  skillFlow: 'Ce qui se transmet dans les binômes',
  skillFlowCaption:
    "Pour chaque compétence, le nombre de binômes où le côté qui l'enseigne en sait plus que l'autre, qui souhaite l'apprendre.",
  juniorToSenior: 'Junior → senior (mentorat inversé)',
  seniorToJunior: 'Senior → junior (réciprocité)',
  flowBar: (skill, count, pairs) => `${skill} : ${count} ${count > 1 ? 'binômes' : 'binôme'} sur ${pairs}`,
  noSkills: "Le programme n'a aucune compétence.",
  departments: 'Directions croisées',
  departmentsCaption:
    "Binômes selon la direction du junior (lignes) et celle du senior (colonnes) ; les cases cerclées d'orange comptent les binômes au sein d'une même direction.",
  matrixCorner: 'Junior ↓ · Senior →',
  total: 'Total',
  pairsTitle: 'Binômes et explications',
  filterLabel: 'Filtrer les binômes',
  filterPlaceholder: 'Nom, identifiant ou direction',
  shownTemplate: 'Binômes affichés : {shown} sur {total}',
  noPairMatches: 'Aucun binôme ne correspond au filtre.',
  junior: 'Junior',
  senior: 'Senior',
  departmentsColumn: 'Directions',
  score: 'Score',
  mainReason: 'Raison principale',
  explanation: 'Explication',
  explanations: 'Explications',
  breakdown: 'Détail du score',
  points: (points) => `${points} points`,
  notes: 'Remarques',
  locked: 'Imposé par le programme',
  unmatchedTitle: 'Participants sans binôme',
  id: 'Identifiant',
  name: 'Nom',
  role: 'Rôle',
  department: 'Direction',
  reason: 'Raison',
  detail: 'Détail',
  roles: { junior: 'Junior', senior: 'Senior' },
  reasons: {
    'not-volunteer': 'Non volontaire',
    'no-eligible-partner': 'Aucun partenaire possible',
    outcompeted: 'Partenaires pris par de meilleurs binômes',
    'below-min-score': 'Sous le score minimum',
    capacity: 'Places insuffisantes',
    rules: 'Règles du programme',
    'time-limit': 'Calcul interrompu',
  },
  noPairs: "Aucun binôme n'a été formé.",
  noUnmatched: 'Tout le monde a un binôme.',
  scorers: {
    skillGap: 'Écart de compétences (le junior transmet)',
    reciprocity: 'Réciprocité (le senior transmet)',
    crossSilo: 'Décloisonnement',
    availability: 'Disponibilités',
    openness: 'Ouverture',
  },
  footer: 'Produit avec binome, le moteur de binômes de mentorat inversé.',
};

const catalogs: Readonly<Record<Locale, ReportLabels>> = { en, fr };

/**
 * The report texts of a locale.
 *
 * @param locale - `en` or `fr`.
 * @returns Every label of a report in that locale.
 */
export function reportLabels(locale: Locale): ReportLabels {
  return catalogs[locale];
}

/**
 * Display name of a scorer: the built-in's name in the locale, else the scorer's own id.
 *
 * @param labels - The locale's labels.
 * @param scorer - A scorer id, as in a contribution.
 */
export function scorerLabel(labels: ReportLabels, scorer: string): string {
  return Object.hasOwn(labels.scorers, scorer) ? (labels.scorers[scorer] as string) : scorer;
}
