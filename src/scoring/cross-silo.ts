import type { Reason } from '../explain/messages/types';
import type { CohortColumns, RowScorer } from '../model/columns';
import { displayName, type CohortContext } from '../model/context';
import type { Scorer } from './scorer';

/**
 * `crossSilo`: breaks silos. Half a point for different departments, half for different sites
 * (a side without a site does not count as different).
 */
export function crossSilo(): Scorer {
  return {
    id: 'crossSilo',
    score(junior, senior) {
      let value = junior.department === senior.department ? 0 : 0.5;
      if (junior.site !== undefined && senior.site !== undefined && junior.site !== senior.site) value += 0.5;
      return value;
    },
    explain(junior, senior) {
      const reasons: Reason[] = [
        junior.department === senior.department
          ? { messageId: 'crossSilo.sameDepartment', params: { department: junior.department } }
          : { messageId: 'crossSilo.departments', params: { a: junior.department, b: senior.department } },
      ];
      if (junior.site === undefined || senior.site === undefined) {
        reasons.push({ messageId: 'crossSilo.siteUnknown', params: { who: displayName(junior.site === undefined ? junior : senior) } });
      } else if (junior.site === senior.site) {
        reasons.push({ messageId: 'crossSilo.sameSite', params: { site: junior.site } });
      } else {
        reasons.push({ messageId: 'crossSilo.sites', params: { a: junior.site, b: senior.site } });
      }
      return reasons;
    },
  };
}

/**
 * The typed form of {@link crossSilo}, from the department and site codes.
 *
 * @param _context - The cohort (unused).
 * @param columns - The cohort's typed columns.
 */
export function crossSiloKernel(_context: CohortContext, columns: CohortColumns): RowScorer {
  const { juniors, seniors } = columns;
  return (row, candidates, count, total, coef) => {
    const department = juniors.department[row]!;
    const site = juniors.site[row]!;
    for (let i = 0; i < count; i++) {
      const c = candidates[i]!;
      let value = seniors.department[c] === department ? 0 : 0.5;
      const other = seniors.site[c]!;
      if (site >= 0 && other >= 0 && other !== site) value += 0.5;
      total[i]! += coef * value;
    }
  };
}
