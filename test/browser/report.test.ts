/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): the charts render,
 * the filter works, nothing is requested but the file, no error is logged. Skipped when chromium is
 * absent, unless BINOME_REQUIRE_BROWSER=1 (as in CI), which makes its absence a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderHtml, type ReportInput } from '../../src/report/index';
import { craftedInput, hostile, sampleInput } from '../report/inputs';

const CHROMIUM = process.env.BINOME_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.BINOME_REQUIRE_BROWSER === '1';
const TIMEOUT = 60_000;
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Folds like the page's filter: no accents, lower case. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

describe.skipIf(!available && !required)('HTML report in chromium', () => {
  let context: BrowserContext;
  let temp: string;

  beforeAll(async () => {
    if (!available) throw new Error(`BINOME_REQUIRE_BROWSER=1 but there is no chromium at ${CHROMIUM}`);
    temp = mkdtempSync(join(tmpdir(), 'binome-report-'));
    context = await chromium.launchPersistentContext(join(temp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
      ],
      viewport: { width: 1280, height: 900 },
    });
  }, TIMEOUT);

  afterAll(async () => {
    await context?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, TIMEOUT);

  /** Writes the report to a file, opens it, and records requests, console errors and page errors. */
  async function open(input: ReportInput, name: string, locale: 'en' | 'fr' = 'en') {
    const file = join(temp, name);
    writeFileSync(file, renderHtml(input, { locale }), 'utf8');
    const url = pathToFileURL(file).href;
    const page: Page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, errors, dialogs };
  }

  test(
    'the sample: charts render, the filter filters, nothing is fetched, no error',
    async () => {
      const input = sampleInput();
      const { page, url, requests, errors } = await open(input, 'report.html');
      const pairs = input.result.pairs;

      const histogram = page.locator('#score-histogram svg');
      const box = await histogram.boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(box?.height).toBeGreaterThan(100);
      const bins = page.locator('#score-histogram svg rect.bar');
      await expect.poll(() => bins.count()).toBe(10);
      let total = 0;
      for (const bar of await bins.all()) {
        const count = Number(await bar.getAttribute('data-count'));
        total += count;
        if (count > 0) expect((await bar.boundingBox())?.height).toBeGreaterThan(0);
      }
      expect(total).toBe(pairs.length);

      const flow = page.locator('#skill-flow svg');
      expect((await flow.boundingBox())?.width).toBeGreaterThan(100);
      const flowBars = page.locator('#skill-flow svg rect.bar');
      expect(await flowBars.count()).toBe(input.program.skills.length);
      for (const bar of await flowBars.all()) {
        if (Number(await bar.getAttribute('data-count')) > 0) expect((await bar.boundingBox())?.width).toBeGreaterThan(0);
      }

      const rows = page.locator('#pairs-table tr[data-pair]');
      const visible = async () => {
        const out: string[] = [];
        for (const row of await rows.all()) if (await row.isVisible()) out.push((await row.getAttribute('data-pair')) ?? '');
        return out;
      };
      expect(await rows.count()).toBe(pairs.length);
      expect(await visible()).toHaveLength(pairs.length);

      // Part of a junior's name, typed key by key, accents left out: only the matching rows stay.
      const junior = input.participants.find((p) => p.id === pairs[0]?.juniorId);
      const query = fold(junior?.name ?? '').split(' ')[1]?.slice(0, 4) ?? '';
      expect(query.length).toBeGreaterThan(2);
      const name = (id: string) => input.participants.find((p) => p.id === id);
      const expected = pairs
        .filter((p) => [p.juniorId, p.seniorId].some((id) => fold(`${id} ${name(id)?.name ?? ''} ${name(id)?.department ?? ''}`).includes(query)))
        .map((p) => `${p.juniorId}|${p.seniorId}`);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(pairs.length);
      const filter = page.locator('#pairs-filter');
      await filter.pressSequentially(query, { delay: 20 });
      await expect.poll(visible).toEqual(expected);
      expect(await page.locator('#pairs-count').textContent()).toBe(`Pairs shown: ${expected.length} of ${pairs.length}`);

      await filter.fill('zzz-nobody');
      await expect.poll(visible).toEqual([]);
      expect(await page.locator('#pairs-empty').isVisible()).toBe(true);

      await filter.fill('');
      await expect.poll(visible).toHaveLength(pairs.length);
      expect(await page.locator('#pairs-empty').isVisible()).toBe(false);

      const details = page.locator('#pairs-table tr[data-pair] details').first();
      await details.locator('summary').click();
      expect(await details.getAttribute('open')).not.toBeNull();
      expect(await details.locator('ul.contrib').isVisible()).toBe(true);
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });

      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      await page.close();
    },
    TIMEOUT,
  );

  test(
    'hostile names stay text and run nothing; French labels',
    async () => {
      const input = craftedInput('fr');
      const { page, url, requests, errors, dialogs } = await open(input, 'crafted.html', 'fr');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('#summary h2').textContent()).toBe('Synthèse');
      expect(await page.locator('#pairs-table').textContent()).toContain(hostile.script);
      expect(await page.locator('script').count()).toBe(1);
      await page.locator('#pairs-filter').pressSequentially('zoe');
      await expect.poll(() => page.locator('#pairs-table tr[data-pair]:visible').count()).toBe(1);
      expect(await page.locator('#pairs-count').textContent()).toBe(`Binômes affichés : 1 sur ${input.result.pairs.length}`);
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'report.fr.png'), fullPage: true });
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      await page.close();
    },
    TIMEOUT,
  );
});

if (!available && !required) {
  test.skip(`HTML report in chromium: no chromium at ${CHROMIUM} (BINOME_REQUIRE_BROWSER=1 makes this a failure)`, () => {});
}
