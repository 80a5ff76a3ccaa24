import { displayName } from '../model/context';
import type { PairConstraint } from './constraint';

/** `volunteersOnly`: participation is voluntary for both sides; only volunteers are paired. */
export function volunteersOnly(): PairConstraint {
  return {
    id: 'volunteersOnly',
    allows: (junior, senior) => junior.volunteer && senior.volunteer,
    why: (junior, senior) => ({ messageId: 'constraint.volunteersOnly', params: { who: displayName(junior.volunteer ? senior : junior) } }),
  };
}
