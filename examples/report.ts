/**
 * From a spreadsheet export to a report people can read, in a script: read a CSV export with
 * `binome/io` (streamed, every problem named by line and column), form the pairs, and write the
 * self-contained HTML report and a spreadsheet-safe CSV with `binome/report`.
 *
 * Run: npx tsx examples/report.ts [participants.csv] [out-dir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { match, ValidationError } from 'binome';
import { loadParticipants, loadProgram } from 'binome/io';
import { CSV_BOM, renderReport } from 'binome/report';

const here = new URL('./data/', import.meta.url).pathname;
const file = process.argv[2] ?? join(here, 'participants.sample.csv');
const outDir = process.argv[3] ?? join(tmpdir(), 'binome-report');

try {
  const program = await loadProgram(join(here, 'program.sample.json'));
  const participants = await loadParticipants(file, { program });
  const result = match({ participants, program }, { locale: 'fr' });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.html'), renderReport('html', { result, participants, program }, { locale: 'fr', title: 'Cohorte de démonstration' }));
  // The BOM makes spreadsheet programs read the accents right.
  writeFileSync(join(outDir, 'pairs.csv'), CSV_BOM + renderReport('csv', { result, participants, program }, { locale: 'fr' }));
  console.log(`${result.pairs.length} binômes, ${result.unmatched.length} sans binôme: ${join(outDir, 'report.html')}`);
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  // Every problem of the file, one per line: `people.csv:14 skills.ai-tools: level must be 0..5, got 7`.
  console.error(error.message);
  process.exitCode = 1;
}
