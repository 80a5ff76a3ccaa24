import { ridgeLinear, ridgeLogistic } from './regression';
import type { PredictedOutcome } from './types';

/** A pair's features (scorer values) and its observed outcome, for fitting. */
export interface Observation {
  readonly values: readonly number[];
  readonly satisfaction: number | null;
  readonly completed: boolean | null;
}

/** Outcome models fitted on past pairs: satisfaction (linear) and completion (logistic) from the scorer values. */
export interface OutcomeModel {
  /** Predicted outcome of a pair from its scorer values. */
  predict(values: readonly number[]): PredictedOutcome;
}

/** Ridge penalty of the outcome models: small, only there to keep them well posed on few pairs. */
export const OUTCOME_MODEL_PENALTY = 0.01;

/** Fewest pairs with an outcome for a model to be fitted. */
export const MIN_TRAINING_PAIRS = 20;

/**
 * Fits the outcome models on past pairs. Satisfaction is a ridge regression on the scorer values,
 * its predictions clipped to 1..5; completion a ridge logistic regression. When too few pairs
 * report one outcome, its prediction is the mean observed (or, with none at all, the model is null).
 *
 * @param observations - Pairs of the cohorts the model learns from.
 * @returns The model, or null when no pair reports any outcome.
 */
export function fitOutcomeModel(observations: readonly Observation[]): OutcomeModel | null {
  const withSatisfaction = observations.filter((o) => o.satisfaction !== null);
  const withCompletion = observations.filter((o) => o.completed !== null);
  if (withSatisfaction.length === 0 && withCompletion.length === 0) return null;
  const meanSatisfaction = withSatisfaction.length === 0 ? 3 : withSatisfaction.reduce((a, o) => a + o.satisfaction!, 0) / withSatisfaction.length;
  const completionRate = withCompletion.length === 0 ? 0.5 : withCompletion.filter((o) => o.completed).length / withCompletion.length;

  const satisfaction =
    withSatisfaction.length >= MIN_TRAINING_PAIRS
      ? ridgeLinear(
          withSatisfaction.map((o) => o.values),
          withSatisfaction.map((o) => o.satisfaction!),
          OUTCOME_MODEL_PENALTY,
        )
      : null;
  const completion =
    withCompletion.length >= MIN_TRAINING_PAIRS && completionRate > 0 && completionRate < 1
      ? ridgeLogistic(
          withCompletion.map((o) => o.values),
          withCompletion.map((o) => (o.completed ? 1 : 0)),
          OUTCOME_MODEL_PENALTY,
        )
      : null;
  const linear = (m: { intercept: number; coefficients: readonly number[] }, x: readonly number[]) =>
    m.coefficients.reduce((sum, b, k) => sum + b * x[k]!, m.intercept);
  return {
    predict: (values) => ({
      satisfaction: satisfaction === null ? meanSatisfaction : Math.min(5, Math.max(1, linear(satisfaction, values))),
      completion: completion === null ? completionRate : 1 / (1 + Math.exp(-linear(completion, values))),
    }),
  };
}

/** Mean of predicted outcomes; null for an empty set. */
export function meanPrediction(predictions: readonly PredictedOutcome[]): PredictedOutcome | null {
  if (predictions.length === 0) return null;
  let satisfaction = 0;
  let completion = 0;
  for (const p of predictions) {
    satisfaction += p.satisfaction;
    completion += p.completion;
  }
  return { satisfaction: satisfaction / predictions.length, completion: completion / predictions.length };
}
