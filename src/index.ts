/**
 * binome: forms reverse-mentoring pairs. Scores the skill gaps between juniors and seniors,
 * solves the optimal assignment under hard constraints, and explains every match.
 *
 * @packageDocumentation
 */

export { match, matchAsync } from './engine/match';
export { safeMatch, safeMatchAsync, type SafeMatchResult } from './engine/safe-match';
export { scorePairs, type PairScores } from './engine/score-pairs';
export { evaluateHistory, type EvaluateOptions } from './evaluate/evaluate-history';
export { calibrateWeights, type CalibrateOptions } from './evaluate/calibrate-weights';
export { planRotation, type RotationOptions, type RotationPlan, type RotationStrategy } from './lifecycle/rotation';
export { rematch, type CohortChange, type PairChange, type RematchOptions, type RematchResult } from './lifecycle/rematch';
export {
  DEFAULT_CIRCLE_SIZE,
  mentorCircles,
  type CircleMixing,
  type CirclesSource,
  type MentorCircle,
  type MentorCircles,
  type MentorCirclesInput,
  type MentorCirclesOptions,
} from './lifecycle/circles';
export type {
  Calibration,
  CohortEvaluation,
  EvaluatedPair,
  FittedWeight,
  HeldOutComparison,
  HistoryEvaluation,
  Interval,
  OutcomeSummary,
  PairSetFigures,
  PredictedOutcome,
  Predictiveness,
  Replay,
  RuleBreaches,
} from './evaluate/types';
export { explainPairChoice, type ForcedPair, type PairChoice, type PairQuestion, type PairRefusal } from './engine/explain-pair-choice';
export { DEFAULT_TIMEZONE_YEAR, type MatchInput, type MatchOptions, type ProgressEvent, type ProgressPhase } from './engine/options';

export { parseParticipants, participantFields, participantSchema, participantsSchema, type Participant, type Role } from './model/participant';
export {
  defaultProgram,
  defaultWeights,
  parseProgram,
  programSchema,
  type Constraints,
  type Objective,
  type PairRef,
  type Program,
  type ProgramInput,
  type Quota,
} from './model/program';
export { GOAL_MIN_SHARE, type Goal, type ProgramParseOptions } from './model/program';
export { presetByName, presetNames, presets, withPreset, type PresetName, type ProgramPresets } from './lifecycle/presets';
export { parseHistory, historySchema, type Cohort, type History, type HistoryPair, type Outcome } from './model/history';
export { defaultSkills, skillSchema, type SkillDef, type Teacher } from './model/taxonomy';
export { DEFAULT_LIMITS, DEFAULT_MAX_STRING_LENGTH, resolveLimits, type Limits, type ParseOptions } from './model/parse-options';
export { displayName, type CohortContext } from './model/context';
export { jsonSchema, type SchemaKind } from './model/json-schema';
export {
  matchResultSchema,
  type Contribution,
  type Diagnosis,
  type MatchResult,
  type MatchStats,
  type ResultPair,
  type Unmatched,
  type UnmatchedReason,
} from './model/result';

export { defineScorer, type Scorer, type ScorerPlugin } from './scoring/scorer';
export { builtinScorerIds, builtinScorers } from './scoring/builtins';
export { skillGap } from './scoring/skill-gap';
export { reciprocity } from './scoring/reciprocity';
export { crossSilo } from './scoring/cross-silo';
export { availability } from './scoring/availability';
export { openness, NEUTRAL_OPENNESS } from './scoring/openness';

export { defineConstraint, type ConstraintPlugin, type PairConstraint } from './constraints/constraint';
export { builtinConstraints } from './constraints/builtins';

export { generateOrganisation, type GenerateOptions, type GeneratedOrganisation } from './generate/organisation';

export { solveAssignment } from './solver/assignment';
export { verifyAssignment } from './solver/verify-assignment';
export type {
  AssignmentDuals,
  AssignmentMode,
  AssignmentOptions,
  AssignmentProblem,
  AssignmentSolution,
  AssignmentStatus,
  AssignmentVerdict,
  Capacities,
  DenseAssignmentProblem,
  SparseAssignmentProblem,
} from './solver/assignment-types';

export { lpSolver } from './rules/lp-solver';
export type { MipLimits, MipModel, MipResult, MipRow, MipSolver, MipStatus } from './rules/mip';
export type { RuleMethod, RuleStatus } from './rules/solve';

export { renderReason } from './explain/messages/render';
export type { Catalog, ExclusionCount, Formatter, Locale, LocalizedText, MessageId, MessageParams, Reason } from './explain/messages/types';

export {
  BinomeError,
  InternalError,
  LockedPairConflictError,
  PluginError,
  ValidationError,
  MAX_ISSUES,
  MESSAGE_ISSUES,
  formatIssue,
  issueFormatter,
  formatPath,
  issuesMessage,
  type ErrorCode,
  type Issue,
  type IssueSource,
} from './errors';
