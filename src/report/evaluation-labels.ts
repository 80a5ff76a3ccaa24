import type { Calibration } from '../evaluate/types';
import type { Locale } from '../explain/messages/types';

/**
 * The texts of an evaluation report (replay of past cohorts), by locale. Every locale has every key
 * (the type says so); numbers reach the functions already formatted for the locale. Texts shared
 * with the match report (colon, statuses, scorer names, footer) come from `reportLabels`.
 */
export interface EvaluationLabels {
  readonly defaultTitle: string;
  /** Shown for a value that is undefined (`null` in the evaluation). */
  readonly notAvailable: string;
  /** Between the two ends of an interval: `, ` in English, ` ; ` in French (decimal commas). */
  readonly intervalSeparator: string;
  /** Note on the intervals: confidence level (a percentage) and number of resamples. */
  readonly intervals: (confidence: string, resamples: string) => string;
  readonly summary: string;
  readonly cohorts: string;
  readonly cohort: string;
  /** Heading of one cohort's section. */
  readonly cohortTitle: (id: string) => string;
  readonly overall: string;
  readonly participants: string;
  readonly pairs: string;
  readonly meanSatisfaction: string;
  readonly completionRate: string;
  readonly meanSessions: string;
  readonly weightsEvaluated: string;
  readonly outcomes: string;
  readonly predictiveness: string;
  readonly predictivenessCaption: string;
  readonly predictor: string;
  /** Summary figure: Spearman correlation of the engine score with satisfaction. */
  readonly kpiSpearman: string;
  /** Summary figure: AUC of the engine score for completion. */
  readonly kpiAuc: string;
  /** Name of the `score` predictor: the engine's pair score. */
  readonly engineScore: string;
  readonly withSatisfaction: string;
  readonly withCompletion: string;
  readonly spearman: string;
  readonly kendall: string;
  readonly auc: string;
  readonly breaches: string;
  readonly breachesCaption: string;
  readonly noBreaches: string;
  readonly rule: string;
  readonly breaking: string;
  readonly others: string;
  readonly breachingPairs: string;
  readonly junior: string;
  readonly senior: string;
  /** Names of the built-in hard rules; another rule shows its id. */
  readonly rules: Readonly<Record<string, string>>;
  readonly replay: string;
  readonly replayCaption: string;
  readonly engineSolve: string;
  readonly modelCohorts: (cohorts: string) => string;
  readonly noModel: string;
  readonly figure: string;
  readonly historical: string;
  readonly engine: string;
  readonly difference: string;
  readonly totalScore: string;
  readonly meanScore: string;
  readonly volunteersPaired: string;
  readonly crossDepartment: string;
  readonly breakingRules: string;
  readonly predictedSatisfaction: string;
  readonly predictedCompletion: string;
  /** Pairs both the coordinator and the engine formed, of the historical pairs. */
  readonly pairsInCommon: (common: string, historical: string, share: string) => string;
  /** A difference of two shares, in percentage points. */
  readonly percentPoints: (points: string) => string;
  readonly calibration: string;
  readonly calibrationCaption: string;
  readonly target: string;
  readonly targets: Readonly<Record<Calibration['target'], string>>;
  readonly regularisation: string;
  readonly pairsUsed: string;
  readonly weights: string;
  readonly scorer: string;
  readonly before: string;
  readonly after: string;
  readonly interval: string;
  readonly heldOut: string;
  readonly heldOutCaption: string;
  readonly spearmanBefore: string;
  readonly spearmanAfter: string;
  readonly aucBefore: string;
  readonly aucAfter: string;
  readonly mean: string;
  readonly heldOutPredicted: string;
  readonly heldOutPredictedCaption: string;
  /** The engine's pairs under the program's weights. */
  readonly engineBefore: string;
  /** The engine's pairs under the calibrated weights. */
  readonly engineAfter: string;
  readonly calibrationPlot: string;
  readonly calibrationPlotCaption: string;
  readonly axisPredicted: string;
  readonly axisObserved: string;
  readonly perfectCalibration: string;
  /** Tooltip of a calibration point. */
  readonly calibrationBin: (from: string, to: string, count: number, observed: string, predicted: string) => string;
  readonly noPrediction: string;
  readonly scatter: string;
  readonly scatterCaption: string;
  readonly axisScore: string;
  readonly axisSatisfaction: string;
  /** Tooltip of a scatter point. */
  readonly scatterPoint: (cohort: string, junior: string, senior: string, score: string, satisfaction: string) => string;
  readonly noSatisfaction: string;
}

const en: EvaluationLabels = {
  defaultTitle: 'Evaluation of past pairings',
  notAvailable: 'n/a',
  intervalSeparator: ', ',
  intervals: (confidence, resamples) => `Brackets: ${confidence} bootstrap intervals (percentile method, ${resamples} resamples).`,
  summary: 'Summary',
  cohorts: 'Cohorts',
  cohort: 'Cohort',
  cohortTitle: (id) => `Cohort ${id}`,
  overall: 'All cohorts',
  participants: 'Participants',
  pairs: 'Pairs',
  meanSatisfaction: 'Mean satisfaction (1–5)',
  completionRate: 'Completion rate',
  meanSessions: 'Mean sessions',
  weightsEvaluated: 'Weights evaluated',
  outcomes: 'Outcomes',
  predictiveness: 'Which criteria predicted success',
  predictivenessCaption:
    'The engine score, then each criterion alone. Spearman and Kendall: rank agreement with satisfaction (1 = same order, 0 = none). AUC: chance that a pair that completed scores above one that did not (0.5 = a coin toss).',
  predictor: 'Predictor',
  kpiSpearman: 'Engine score: Spearman',
  kpiAuc: 'Engine score: AUC',
  engineScore: 'Engine score (all criteria)',
  withSatisfaction: 'Pairs with satisfaction',
  withCompletion: 'Pairs with completion',
  spearman: 'Spearman',
  kendall: 'Kendall',
  auc: 'AUC',
  breaches: 'Pairs that break the rules',
  breachesCaption: "Past pairs that the program's hard rules would refuse today, and how they fared against the other pairs.",
  noBreaches: "No past pair breaks the program's rules.",
  rule: 'Rule',
  breaking: 'Pairs breaking a rule',
  others: 'Other pairs',
  breachingPairs: 'Which pairs',
  junior: 'Junior',
  senior: 'Senior',
  rules: {
    volunteersOnly: 'Volunteers only',
    notInReportingLine: 'Not in a reporting line',
    differentDepartment: 'Different departments',
    sharedLanguage: 'A shared language',
    maxTimezoneGapHours: 'Time-zone gap',
    minAvailabilityOverlap: 'Common availability',
    avoidPastPartners: 'No past partners',
    minScore: 'Minimum score',
    forbiddenPairs: 'Forbidden pairs',
  },
  replay: 'Replay: the engine against the historical pairs',
  replayCaption:
    "The engine run again on the cohort's participants under the program, against the pairs formed at the time. Predicted outcomes come from a model fitted on the other cohorts only.",
  engineSolve: 'Engine solve',
  modelCohorts: (cohorts) => `Outcome model fitted on: ${cohorts}.`,
  noModel: 'No outcome model: no other cohort has outcomes.',
  figure: 'Figure',
  historical: 'Historical',
  engine: 'Engine',
  difference: 'Difference',
  totalScore: 'Total score',
  meanScore: 'Mean score',
  volunteersPaired: 'Volunteers paired',
  crossDepartment: 'Pairs across departments',
  breakingRules: 'Pairs breaking rules',
  predictedSatisfaction: 'Predicted satisfaction',
  predictedCompletion: 'Predicted completion',
  pairsInCommon: (common, historical, share) => `Pairs in common: ${common} of ${historical} historical pairs (${share}).`,
  percentPoints: (points) => `${points} pts`,
  calibration: 'Calibrated weights',
  calibrationCaption:
    "Weights of the criteria fitted to past outcomes, pulled towards the program's weights. Interval: bootstrap percentile interval of the fitted share.",
  target: 'Fitted to',
  targets: { satisfaction: 'satisfaction', completed: 'completion' },
  regularisation: "Regularisation (pull towards the program's weights)",
  pairsUsed: 'Pairs used',
  weights: 'Weights',
  scorer: 'Criterion',
  before: 'Before',
  after: 'After',
  interval: 'Interval',
  heldOut: 'Held-out check',
  heldOutCaption: 'Each cohort judged with weights fitted on the other cohorts only, before and after calibration.',
  spearmanBefore: 'Spearman before',
  spearmanAfter: 'Spearman after',
  aucBefore: 'AUC before',
  aucAfter: 'AUC after',
  mean: 'Mean',
  heldOutPredicted: 'Predicted outcomes of the held-out cohorts',
  heldOutPredictedCaption:
    "Mean outcome predicted by the model fitted on the other cohorts: for the pairs made by hand, for the engine's pairs with the program's weights (before) and with the weights fitted on the other cohorts (after).",
  engineBefore: 'Engine, before',
  engineAfter: 'Engine, after',
  calibrationPlot: 'Predicted against observed completion',
  calibrationPlotCaption:
    'Past pairs with a prediction, in 10 bands of predicted probability of completing. Each point is a band: its mean prediction (across) and the share of its pairs that completed (up); its size is its number of pairs. On the dashed line, predictions match what happened.',
  axisPredicted: 'Predicted probability of completing',
  axisObserved: 'Share that completed',
  perfectCalibration: 'Prediction = observation',
  calibrationBin: (from, to, count, observed, predicted) =>
    `Predicted ${from}–${to}: ${count} ${count === 1 ? 'pair' : 'pairs'}, ${observed} completed (mean prediction ${predicted})`,
  noPrediction: 'No pair has both a prediction and a known completion: the outcome model needs at least two cohorts with outcomes.',
  scatter: 'Pair score and satisfaction',
  scatterCaption: 'Every past pair with a satisfaction rating: its score under the program (across) and its rating (up), one colour per cohort.',
  axisScore: 'Pair score (0–100)',
  axisSatisfaction: 'Satisfaction (1–5)',
  scatterPoint: (cohort, junior, senior, score, satisfaction) => `${cohort}: ${junior} × ${senior}, score ${score}, satisfaction ${satisfaction}`,
  noSatisfaction: 'No pair has a satisfaction rating.',
};

const fr: EvaluationLabels = {
  defaultTitle: 'Évaluation des binômes passés',
  notAvailable: 'n.d.',
  intervalSeparator: ' ; ',
  intervals: (confidence, resamples) =>
    `Entre crochets : intervalles de confiance à ${confidence} par bootstrap (méthode des percentiles, ${resamples} rééchantillonnages).`,
  summary: 'Synthèse',
  cohorts: 'Cohortes',
  cohort: 'Cohorte',
  cohortTitle: (id) => `Cohorte ${id}`,
  overall: 'Toutes les cohortes',
  participants: 'Participants',
  pairs: 'Binômes',
  meanSatisfaction: 'Satisfaction moyenne (1–5)',
  completionRate: "Taux d'achèvement",
  meanSessions: 'Nombre moyen de séances',
  weightsEvaluated: 'Poids évalués',
  outcomes: 'Résultats',
  predictiveness: 'Quels critères ont prédit la réussite',
  predictivenessCaption:
    "Le score du moteur, puis chaque critère seul. Spearman et Kendall : accord des rangs avec la satisfaction (1 = même ordre, 0 = aucun lien). AUC : probabilité qu'un binôme allé au bout ait un meilleur score qu'un binôme qui a abandonné (0,5 = pile ou face).",
  predictor: 'Prédicteur',
  kpiSpearman: 'Score du moteur : Spearman',
  kpiAuc: 'Score du moteur : AUC',
  engineScore: 'Score du moteur (tous critères)',
  withSatisfaction: 'Binômes avec satisfaction',
  withCompletion: 'Binômes avec achèvement connu',
  spearman: 'Spearman',
  kendall: 'Kendall',
  auc: 'AUC',
  breaches: 'Binômes hors règles',
  breachesCaption: "Binômes passés que les règles strictes du programme refuseraient aujourd'hui, et leurs résultats face aux autres binômes.",
  noBreaches: 'Aucun binôme passé ne contrevient aux règles du programme.',
  rule: 'Règle',
  breaking: 'Binômes hors règles',
  others: 'Autres binômes',
  breachingPairs: 'Lesquels',
  junior: 'Junior',
  senior: 'Senior',
  rules: {
    volunteersOnly: 'Volontaires uniquement',
    notInReportingLine: 'Hors ligne hiérarchique',
    differentDepartment: 'Directions différentes',
    sharedLanguage: 'Une langue commune',
    maxTimezoneGapHours: 'Écart de fuseau horaire',
    minAvailabilityOverlap: 'Disponibilités communes',
    avoidPastPartners: "Pas d'anciens partenaires",
    minScore: 'Score minimum',
    forbiddenPairs: 'Binômes interdits',
  },
  replay: 'Rejeu : le moteur face aux binômes historiques',
  replayCaption:
    "Le moteur relancé sur les participants de la cohorte avec le programme, face aux binômes formés à l'époque. Les résultats prédits viennent d'un modèle ajusté sur les autres cohortes seulement.",
  engineSolve: 'Calcul du moteur',
  modelCohorts: (cohorts) => `Modèle de résultats ajusté sur : ${cohorts}.`,
  noModel: "Pas de modèle de résultats : aucune autre cohorte n'a de résultats.",
  figure: 'Indicateur',
  historical: 'Historique',
  engine: 'Moteur',
  difference: 'Écart',
  totalScore: 'Score total',
  meanScore: 'Score moyen',
  volunteersPaired: 'Volontaires en binôme',
  crossDepartment: 'Binômes entre directions',
  breakingRules: 'Binômes hors règles',
  predictedSatisfaction: 'Satisfaction prédite',
  predictedCompletion: 'Achèvement prédit',
  pairsInCommon: (common, historical, share) => `Binômes en commun : ${common} sur ${historical} binômes historiques (${share}).`,
  percentPoints: (points) => `${points} pts`,
  calibration: 'Poids recalibrés',
  calibrationCaption:
    "Poids des critères ajustés sur les résultats passés, avec un rappel vers les poids du programme. Intervalle : intervalle des percentiles bootstrap de la part ajustée.",
  target: 'Ajustés sur',
  targets: { satisfaction: 'la satisfaction', completed: "l'achèvement" },
  regularisation: 'Régularisation (rappel vers les poids du programme)',
  pairsUsed: 'Binômes utilisés',
  weights: 'Poids',
  scorer: 'Critère',
  before: 'Avant',
  after: 'Après',
  interval: 'Intervalle',
  heldOut: 'Contrôle hors échantillon',
  heldOutCaption: 'Chaque cohorte jugée avec des poids ajustés sur les autres cohortes seulement, avant et après recalibrage.',
  spearmanBefore: 'Spearman avant',
  spearmanAfter: 'Spearman après',
  aucBefore: 'AUC avant',
  aucAfter: 'AUC après',
  mean: 'Moyenne',
  heldOutPredicted: 'Résultats prédits des cohortes hors échantillon',
  heldOutPredictedCaption:
    'Résultat moyen prédit par le modèle ajusté sur les autres cohortes : pour les binômes formés à la main, pour les binômes du moteur avec les poids du programme (avant) et avec les poids ajustés sur les autres cohortes (après).',
  engineBefore: 'Moteur, avant',
  engineAfter: 'Moteur, après',
  calibrationPlot: 'Achèvement prédit et observé',
  calibrationPlotCaption:
    "Binômes passés ayant une prédiction, en 10 tranches de probabilité prédite d'aller au bout. Chaque point est une tranche : sa prédiction moyenne (en abscisse) et la part de ses binômes allés au bout (en ordonnée) ; sa taille est son nombre de binômes. Sur la diagonale pointillée, les prédictions collent à la réalité.",
  axisPredicted: "Probabilité prédite d'aller au bout",
  axisObserved: 'Part allée au bout',
  perfectCalibration: 'Prédiction = observation',
  calibrationBin: (from, to, count, observed, predicted) =>
    `Prédiction ${from}–${to} : ${count} ${count > 1 ? 'binômes' : 'binôme'}, ${observed} allés au bout (prédiction moyenne ${predicted})`,
  noPrediction:
    "Aucun binôme n'a à la fois une prédiction et un achèvement connu : le modèle de résultats demande au moins deux cohortes avec des résultats.",
  scatter: 'Score du binôme et satisfaction',
  scatterCaption: 'Chaque binôme passé noté : son score selon le programme (en abscisse) et sa note (en ordonnée), une couleur par cohorte.',
  axisScore: 'Score du binôme (0–100)',
  axisSatisfaction: 'Satisfaction (1–5)',
  scatterPoint: (cohort, junior, senior, score, satisfaction) => `${cohort} : ${junior} × ${senior}, score ${score}, satisfaction ${satisfaction}`,
  noSatisfaction: "Aucun binôme n'a de note de satisfaction.",
};

const catalogs: Readonly<Record<Locale, EvaluationLabels>> = { en, fr };

/**
 * The texts of an evaluation report in a locale.
 *
 * @param locale - `en` or `fr`.
 * @returns Every label of an evaluation report in that locale.
 * @example
 * evaluationLabels('fr').predictiveness; // 'Quels critères ont prédit la réussite'
 */
export function evaluationLabels(locale: Locale): EvaluationLabels {
  return catalogs[locale];
}

/**
 * Display name of a hard rule: the built-in's name in the locale, else the rule's own id.
 *
 * @param labels - The locale's evaluation labels.
 * @param rule - A constraint id or `minScore`, as in `EvaluatedPair.breaks`.
 */
export function ruleLabel(labels: EvaluationLabels, rule: string): string {
  return Object.hasOwn(labels.rules, rule) ? (labels.rules[rule] as string) : rule;
}
