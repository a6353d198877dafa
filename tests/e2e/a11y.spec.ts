// Accessibility: axe (WCAG 2.1 A/AA) finds nothing on each main state of the page; the whole
// flow works with the keyboard alone and the focus is always visible; the page fits 360 px.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

async function axe(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations, `axe violations (${state})`).toEqual([]);
}

/** Opens every part of the page: the full dossier with a payment and a credit note, a paste preview. */
async function openEverything(app: RelancePage) {
  await app.loadExample();
  await app.openDossier();
  await app.button('Ajouter un paiement').click();
  await app.button('Ajouter un avoir').click();
  await app.group('Options de calcul').getByRole('radio', { name: 'taux prévu au contrat' }).check();
  await app.openPaste();
  await app.pasteText.fill('F-9\t01/02/2024\t02/03/2024\t100\nF-10\t01/02/2024\tpas une date\t100');
  await app.button('Analyser').click();
  await expect(app.pastePreview).toBeVisible();
}

test('axe: no violation on the main states', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await axe(page, 'empty');
  await app.loadExample();
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await axe(page, 'example loaded');
  await app.amount.fill('12,345');
  await app.asOf.fill('31/02/2026');
  await app.asOf.blur();
  await expect(app.amount).toHaveAttribute('aria-invalid', 'true');
  await expect(app.asOf).toHaveAttribute('aria-invalid', 'true');
  await axe(page, 'errors shown');
  await app.amount.fill('24000');
  await app.asOf.fill('2026-11-22');
  await openEverything(app);
  await axe(page, 'full dossier open');
  await (await app.fileAction('Effacer mes données')).click();
  await axe(page, 'clear confirmation');
});

test('360 px wide: no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const app = new RelancePage(page);
  const scrollWidth = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
  await app.goto();
  expect(await scrollWidth(), 'empty').toBeLessThanOrEqual(360);
  await app.loadExample();
  await expect(app.totalDue).toBeVisible();
  expect(await scrollWidth(), 'example').toBeLessThanOrEqual(360);
  await openEverything(app);
  expect(await scrollWidth(), 'everything open').toBeLessThanOrEqual(360);
  await page.screenshot({ path: 'artifacts/mobile-360.png', fullPage: true });
});

/** Presses Tab until the focused element matches `selector` (at most `max` times). */
async function tabTo(page: Page, selector: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element's outline, which must be visible. */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
}

test('keyboard only: quick start, example, full dossier', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await tabTo(page, '#qs-f-invoices-0-amount');
  const ring = await focusRing(page);
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  await page.keyboard.type('24000');
  await tabTo(page, '#qs-f-invoices-0-terms');
  await page.keyboard.press('ArrowDown'); // "30 jours"
  await tabTo(page, '#qs-f-invoices-0-issued');
  await page.keyboard.type('04/03/2022');
  await tabTo(page, '#qs-f-debtor-kind-professional');
  await page.keyboard.press('Space');
  await tabTo(page, '#f-as_of');
  await page.keyboard.type('22/11/2026');
  await expect(app.totalDue).toHaveText('38 132,53 €');

  // The full dossier opens from the keyboard; a button gets a visible focus ring too.
  await tabTo(page, 'details.dossier > summary');
  await page.keyboard.press('Enter');
  await expect(app.dossier).toHaveJSProperty('open', true);
  await tabTo(page, 'fieldset.row button:not(.danger):not(.date-pick)'); // "Dupliquer la facture 1"
  expect((await focusRing(page)).style).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(app.invoice(2)).toBeVisible();
  await expect(app.totalIndemnities).toHaveText('80,00 €');
});
