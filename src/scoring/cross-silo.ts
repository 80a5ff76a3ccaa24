import type { Reason } from '../explain/messages/types';
import { displayName } from '../model/context';
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
