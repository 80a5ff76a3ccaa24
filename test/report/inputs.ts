/** Inputs of the report tests: the shared samples, and a crafted cohort with hostile names. */
import { readFileSync } from 'node:fs';
import { match, parseParticipants, parseProgram, type Locale, type ProgramInput } from '../../src/index';
import type { ReportInput } from '../../src/report/index';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

/** The 12 sample participants under the sample program (quotas included), as the demo runs them. */
export function sampleInput(locale: Locale = 'en'): ReportInput {
  const participants = parseParticipants(fixture('participants.sample.json'));
  const program = parseProgram(fixture('program.sample.json') as ProgramInput);
  return { result: match({ participants, program }, { locale }), participants, program };
}

/** Names that a spreadsheet would run as formulas, or that break CSV, Markdown or HTML. */
export const hostile = {
  sum: '=SUM(A1)',
  plus: '+1',
  minus: '-1',
  at: '@x',
  tab: '\tx',
  cr: '\rx',
  quoted: 'Doe, "JD" John',
  script: '<script>alert(1)</script>',
  pipe: 'Ana | Bo',
} as const;

const wantsDigital = { 'ai-tools': 5, 'social-media': 4, 'collab-tools': 3 };
const knowsDigital = { 'ai-tools': 5, 'social-media': 4, 'collab-tools': 4 };
const knowsStrategy = { strategy: 5, leadership: 4, industry: 4 };
const wantsStrategy = { strategy: 4, industry: 3 };

/**
 * Seven juniors and six seniors with hostile names; two non-volunteers and one junior too many, so
 * that the result has pairs and unmatched people of several reasons.
 */
export function craftedInput(locale: Locale = 'en'): ReportInput {
  const junior = (id: string, name: string, department: string, extra: Record<string, unknown> = {}) => ({
    id, name, role: 'junior', volunteer: true, department, site: 'Paris', skills: knowsDigital, wants: wantsStrategy, openness: 4, ...extra,
  });
  const senior = (id: string, name: string, department: string, extra: Record<string, unknown> = {}) => ({
    id, name, role: 'senior', volunteer: true, department, site: 'Lyon', skills: knowsStrategy, wants: wantsDigital, openness: 3, ...extra,
  });
  const raw = [
    junior('j-1', hostile.sum, 'IT'),
    junior('j-2', hostile.plus, 'R&D | Lab'),
    junior('j-3', hostile.quoted, 'Marketing'),
    junior('j-4', hostile.minus, 'IT', { volunteer: false }),
    junior('j-5', hostile.script, 'Sales'),
    junior('j-6', 'Zoé Ångström', 'Sales'),
    junior('j-7', 'Line\nBreak', 'IT', { skills: {} }),
    senior('s-1', hostile.at, 'Finance'),
    senior('s-2', hostile.tab, 'Operations'),
    senior('s-3', hostile.cr, 'Finance'),
    senior('s-4', hostile.pipe, 'IT'),
    senior('s-5', 'Ève Durand', 'Legal', { volunteer: false }),
    senior('s-6', 'Marc "Le Boss" Petit', 'Operations', { skills: { strategy: 2 } }),
  ];
  const participants = parseParticipants(raw);
  const program = parseProgram({ name: 'Crafted <b>cohort</b> | 2027' });
  return { result: match({ participants, program }, { locale }), participants, program };
}
