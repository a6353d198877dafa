// axe-core (WCAG 2.1 A/AA) on the whole page in every main state (issue 6): the empty
// calculator, the calculator with a result, the full dossier open, the décompte, the strategy
// step open (table, chart, assumptions, timeline) and the preview of each of the three letter
// kinds. a11y.spec.ts adds the error, paste and confirmation states; Lighthouse's audits run
// from `cargo xtask test` (lighthouse.mjs), outside Playwright.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe on the whole page: no violation, and the page really was analysed. */
async function axe(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations, `axe violations (${state})`).toEqual([]);
  expect(results.passes.length, `axe checks that ran (${state})`).toBeGreaterThan(10);
}

async function example(app: RelancePage) {
  await app.goto();
  await app.loadExample();
  await expect(app.totalDue).toHaveText('38 132,53 €');
}

test('axe: the empty calculator', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await expect(app.amount).toHaveValue('');
  await axe(page, 'empty calculator');
});

test('axe: the calculator with a result', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.typeCheckCase();
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await expect(app.dailyAccrual).toBeVisible();
  await axe(page, 'calculator with a result');
});

test('axe: the full dossier open', async ({ page }) => {
  const app = new RelancePage(page);
  await example(app);
  await app.openDossier();
  await app.button('Ajouter un paiement').click();
  await app.button('Ajouter un avoir').click();
  await expect(app.payment(1)).toBeVisible();
  await expect(app.creditNote(1)).toBeVisible();
  await axe(page, 'full dossier open');
});

test('axe: the décompte', async ({ page }) => {
  const app = new RelancePage(page);
  await example(app);
  await expect(app.decompte).toBeVisible();
  await expect(app.segments('F-2022-031').locator('tbody tr')).toHaveCount(10);
  await app.decompte.scrollIntoViewIfNeeded();
  await axe(page, 'décompte');
});

test('axe: the strategy step open, with table, chart, assumptions and timeline', async ({ page }) => {
  const app = new RelancePage(page);
  await example(app);
  await app.openStrategy();
  await expect(app.strategyRows).toHaveCount(11);
  await expect(app.strategyChart).toBeVisible();
  await expect(app.timeline).toBeVisible();
  await app.strategyRow('injonction').locator('details.path-details summary').click();
  // Every assumption group open.
  for (const group of await app.strategy.locator('details.assumption-group').all()) {
    if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
  }
  await expect(await app.assumption('fond.cost')).toBeVisible();
  await expect(page.getByTestId('sensitivity-table')).toBeVisible();
  await axe(page, 'strategy open');
});

for (const kind of ['Relance amiable', 'Mise en demeure', "Proposition d'échéancier"] as const) {
  test(`axe: the letter preview, ${kind}`, async ({ page }) => {
    const app = new RelancePage(page);
    await example(app);
    await app.letterField('Signataire').fill('Camille Durand');
    await app.letterField('Lieu (ville)').fill('Lyon');
    await app.letterKind(kind).check();
    await expect(app.letterPreview.locator('.subject')).toContainText(kind === 'Mise en demeure' ? 'Mise en demeure de payer' : kind);
    await app.letterPreview.scrollIntoViewIfNeeded();
    await axe(page, `letter preview: ${kind}`);
  });
}
