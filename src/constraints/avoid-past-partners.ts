import { displayName } from '../model/context';
import type { PairConstraint } from './constraint';

/** `avoidPastPartners`: never pair people who were partners before (either side's `pastPartners`). */
export function avoidPastPartners(): PairConstraint {
  return {
    id: 'avoidPastPartners',
    allows: (junior, senior) => !(junior.pastPartners?.includes(senior.id) ?? false) && !(senior.pastPartners?.includes(junior.id) ?? false),
    why: (junior, senior) => ({ messageId: 'constraint.avoidPastPartners', params: { junior: displayName(junior), senior: displayName(senior) } }),
  };
}
