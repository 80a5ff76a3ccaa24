import { describe, expect, test } from 'vitest';
import { escapeMarkdown, renderMarkdown } from '../../src/report/index';
import { craftedInput, hostile, sampleInput } from './inputs';

/** Cells of a table line, split on the pipes that are not escaped. */
const cells = (line: string) => line.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);

/** The tables of a document: runs of lines that start with `|`. */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) (current ??= (out.push([]), out[out.length - 1] as string[])).push(line);
    else current = null;
  }
  return out;
}

describe('renderMarkdown', () => {
  test('contains every pair and every unmatched id', () => {
    for (const input of [sampleInput(), craftedInput()]) {
      const md = renderMarkdown(input);
      for (const pair of input.result.pairs) {
        expect(md).toContain(`(${pair.juniorId})`);
        expect(md).toContain(`(${pair.seniorId})`);
        expect(md).toContain(escapeMarkdown(pair.explanation).slice(2));
      }
      for (const u of input.result.unmatched) expect(md).toMatch(new RegExp(`\\| ${u.id} \\|`));
    }
  });

  test('escapes | and line breaks so that every table row has as many cells as its header', () => {
    const input = craftedInput();
    const md = renderMarkdown(input);
    expect(md).toContain('Ana \\| Bo (s-4)');
    expect(md).toContain('| R&D \\| Lab → Finance |');
    expect(md).not.toMatch(/[^\\]\| Bo/);
    expect(md).not.toContain('Line\nBreak');
    expect(md).toContain('| Line Break | j-7 |');
    const found = tables(md);
    expect(found).toHaveLength(2);
    for (const table of found) {
      const width = cells(table[0] as string).length;
      for (const line of table) expect(cells(line)).toHaveLength(width);
    }
    expect(found[0]).toHaveLength(2 + input.result.pairs.length);
    expect(found[1]).toHaveLength(2 + input.result.unmatched.length);
  });

  test('escapes HTML and emphasis from the data', () => {
    const md = renderMarkdown(craftedInput());
    expect(md).not.toContain(hostile.script);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md.split('\n')[0]).toBe('# Crafted \\<b\\>cohort\\</b\\> \\| 2027');
    expect(escapeMarkdown('a*b_c`d[e]f~g#h\\i\r\nj\tk')).toBe('a\\*b\\_c\\`d\\[e\\]f\\~g\\#h\\\\i j k');
  });

  test('title, generation date and locale', () => {
    const md = renderMarkdown(sampleInput('fr'), { title: 'Cohorte de mars', generatedAt: '2027-03-01' });
    const head = md.split('\n').slice(0, 5);
    expect(head).toMatchInlineSnapshot(`
      [
        "# Cohorte de mars",
        "",
        "Programme : Reverse mentoring 2027 - digital transformation · Produit le 2027-03-01",
        "",
        "## Synthèse",
      ]
    `);
    expect(md).toContain('## Participants sans binôme');
    expect(md).toContain('| Nom | Identifiant | Rôle | Direction | Raison | Détail |');
    const en = renderMarkdown(sampleInput('fr'), { locale: 'en' });
    expect(en).toContain('## Unmatched participants');
    expect(en).toContain('| Name | Id | Role | Department | Reason | Detail |');
    expect(en).not.toContain('Generated on');
  });

  test('is deterministic', () => {
    expect(renderMarkdown(sampleInput())).toBe(renderMarkdown(sampleInput()));
  });
});
