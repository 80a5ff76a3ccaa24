import { z } from 'zod';

/** Who teaches a skill in a pair: juniors teach digital tools and social trends, seniors the rest. */
export type Teacher = 'junior' | 'senior';

/** Schema of one skill of the taxonomy: `{ id, label, domain, teacher }`. */
export const skillSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(200)
    .refine((id) => !(id in Object.prototype), { error: 'reserved name, choose another skill id' }),
  label: z.string().max(1000).optional(),
  domain: z.string().max(200).optional(),
  teacher: z.enum(['junior', 'senior']),
});

/** One skill of the taxonomy. */
export type SkillDef = Readonly<z.output<typeof skillSchema>>;

/**
 * The default taxonomy: 12 skills in four domains. Juniors teach `digital-tools` and
 * `social-trends`; seniors teach `strategy` and `sector-knowledge`. A program replaces it with its
 * own `skills`, or extends it: `skills: [...defaultSkills, { id: 'no-code', ... }]`.
 */
export const defaultSkills: readonly SkillDef[] = Object.freeze([
  { id: 'collab-tools', label: 'Collaboration tools (Teams, Slack, Notion)', domain: 'digital-tools', teacher: 'junior' },
  { id: 'ai-tools', label: 'Generative AI tools', domain: 'digital-tools', teacher: 'junior' },
  { id: 'data-literacy', label: 'Data and dashboards', domain: 'digital-tools', teacher: 'junior' },
  { id: 'cyber-hygiene', label: 'Security hygiene', domain: 'digital-tools', teacher: 'junior' },
  { id: 'social-media', label: 'Social networks and personal branding', domain: 'social-trends', teacher: 'junior' },
  { id: 'genz-work', label: "New generations' expectations at work", domain: 'social-trends', teacher: 'junior' },
  { id: 'csr', label: 'CSR and sustainability expectations', domain: 'social-trends', teacher: 'junior' },
  { id: 'inclusion', label: 'Diversity and inclusion', domain: 'social-trends', teacher: 'junior' },
  { id: 'strategy', label: 'Business strategy and decision making', domain: 'strategy', teacher: 'senior' },
  { id: 'leadership', label: 'Leadership and stakeholder management', domain: 'strategy', teacher: 'senior' },
  { id: 'industry', label: 'Industry and market knowledge', domain: 'sector-knowledge', teacher: 'senior' },
  { id: 'company-history', label: 'How the company really works', domain: 'sector-knowledge', teacher: 'senior' },
].map((skill) => Object.freeze(skill as SkillDef)));
