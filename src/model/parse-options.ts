import type { SkillDef } from './taxonomy';

/** Options of the parse functions. */
export interface ParseOptions {
  /**
   * What to do with fields the format does not know: `'error'` (default) reports each one, so
   * that a typo such as `managerID` never passes silently; `'strip'` drops them, for callers that
   * pass richer records.
   */
  readonly unknownFields?: 'error' | 'strip';
  /** Longest allowed string (ids, names, labels), in characters. Default 1,000. */
  readonly maxStringLength?: number;
  /**
   * Taxonomy that `skills` and `wants` keys must belong to. Default: the program's skills when a
   * program is at hand, else {@link defaultSkills}.
   */
  readonly skills?: readonly SkillDef[];
}

/** Default longest string, in characters. */
export const DEFAULT_MAX_STRING_LENGTH = 1000;
