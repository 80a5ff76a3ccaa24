import { en } from './en';
import { fr } from './fr';
import type { Catalog, Formatter, Locale, Reason } from './types';

const catalogs: Readonly<Record<Locale, Catalog>> = { en, fr };
const formatters = new Map<Locale, Formatter>();

/**
 * Locale-aware number and list formatting.
 *
 * @param locale - `en` or `fr`.
 */
export function formatter(locale: Locale): Formatter {
  let f = formatters.get(locale);
  if (!f) {
    const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    f = { num: (v) => numbers.format(Object.is(v, -0) ? 0 : v), list: (items) => lists.format(items) };
    formatters.set(locale, f);
  }
  return f;
}

/**
 * Renders a reason in a locale.
 *
 * @param reason - A message id with its parameters, or a plug-in's text.
 * @param locale - `en` (default) or `fr`.
 * @returns The text.
 */
export function renderReason(reason: Reason, locale: Locale = 'en'): string {
  if ('text' in reason) {
    const { text } = reason;
    return typeof text === 'string' ? text : (locale === 'fr' ? text.fr : undefined) ?? text.en;
  }
  const render = catalogs[locale][reason.messageId] as (params: unknown, format: Formatter) => string;
  return render(reason.params, formatter(locale));
}
