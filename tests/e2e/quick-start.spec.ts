// Quick start: one invoice typed in the first screen gives the check case of the
// specification (24 000,00 € due on 3 April 2022, unpaid on 22 November 2026).
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from '@playwright/test';
import { test, expect } from './guard';
import { RelancePage, appMarker, appStarted } from './pages/relance';

const CHECK_CASE = {
  due: '38 132,53 €',
  principal: '24 000,00 €',
  interest: '14 092,53 €',
  indemnities: '40,00 €',
  daily: '8,15 €',
};

test('amount and due date give the total live', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.typeCheckCase();
  await expect(app.totalDue).toHaveText(CHECK_CASE.due);
  expect(await app.totals()).toEqual(CHECK_CASE);
});

test('issue date and 30-day terms give the same total', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('24 000,00');
  await app.terms.selectOption({ label: '30 jours' });
  await expect(app.due).toHaveCount(0);
  await app.issued.fill('04/03/2022');
  await expect(app.quickStart.getByText('Échéance : 03/04/2022')).toBeVisible();
  await app.asOf.fill('22/11/2026');
  await expect(app.totalDue).toHaveText(CHECK_CASE.due);
  await expect(app.dailyAccrual).toHaveText(CHECK_CASE.daily);
});

test('the example gives the check case', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await expect(app.totalDue).toHaveText(CHECK_CASE.due);
  expect(await app.totals()).toEqual(CHECK_CASE);
  // The page as a newcomer sees it after "Charger un exemple" (README screenshot).
  await page.screenshot({ path: path.join(import.meta.dirname, 'artifacts', 'example.png'), fullPage: true });
});

test('a consumer debtor owes no interest before the formal notice', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.debtor('particulier').check();
  await expect(app.totalIndemnities).toHaveText('0,00 €');
  await expect(app.totalInterest).toHaveText('0,00 €');
  await app.quickStart.getByLabel('Date de la mise en demeure').fill('2025-01-15');
  await expect(app.totalInterest).not.toHaveText('0,00 €');
});

/** Holds the app's module (not the quick start's) until `release` is called; `requested`
 * resolves when the page asks for it (boot.js does once the quick start's module is in). */
async function holdTheApp(context: BrowserContext): Promise<{ release: () => void; requested: Promise<void> }> {
  let release = () => {};
  let asked = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await context.route(/\/relance-web-[0-9a-f]+_bg\.wasm\.js$/, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  return { release, requested };
}

// Issue 16: on a slow connection the quick start's own small module (crates/quick) answers
// while the app's is on its way; the app then takes over what was typed, and the focus.
// No service worker: a page it controls would get the app's module from its cache, past the hold.
test.describe('the quick start before the app', () => {
  test.use({ serviceWorkers: 'block' });

  test('before the app has arrived, the quick start answers; the app takes over what was typed and the focus', async ({ page, context }) => {
    await page.clock.setFixedTime(new Date('2026-11-22T12:00:00'));
    const { release } = await holdTheApp(context);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    const app = new RelancePage(page);
    await expect(app.amount).toBeVisible();
    await expect(appMarker(page)).toHaveCount(0);
    await expect(page.getByRole('main')).not.toHaveAttribute('aria-busy', /.*/);
    await expect(app.quickStart.getByRole('status')).toHaveText('Débiteur professionnel, calcul à ce jour. Le reste de Relance arrive…');
    await expect(page.locator('.totals .empty')).toHaveText("Saisissez le montant et l'échéance d'une facture : le total s'affiche aussitôt.");

    // A bad amount: its message beside it, no figures, nothing lost.
    await app.amount.fill('douze');
    await app.due.fill('03/04/2022');
    const amountError = page.locator('#qs-f-invoices-0-amount-error');
    await expect(amountError).toBeVisible();
    await expect(amountError).not.toBeEmpty();
    await expect(app.amount).toHaveAttribute('aria-invalid', 'true');
    await expect(app.amount).toHaveAttribute('aria-describedby', 'qs-f-invoices-0-amount-error');
    await expect(page.locator('.totals .empty')).toHaveText('Aucune facture complète et valide : corrigez les champs signalés.');
    await expect(app.due).toHaveValue('03/04/2022');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);

    // The check case, on the fixed « today »: the app's figures.
    await app.amount.fill('24000');
    await expect(amountError).toBeHidden();
    await expect(app.amount).not.toHaveAttribute('aria-invalid', /.*/);
    await expect(app.totalDue).toHaveText(CHECK_CASE.due);
    expect(await app.totals()).toEqual(CHECK_CASE);
    await expect(page.locator('.total-due')).toContainText('Total dû au 22/11/2026 : ');

    // A due date's error waits until the field is left, as in the app; typed digits get slashes.
    await app.due.fill('');
    await app.due.pressSequentially('31022022');
    await expect(app.due).toHaveValue('31/02/2022');
    const dueError = page.locator('#qs-f-invoices-0-due-error');
    await expect(dueError).toBeHidden();
    await app.amount.focus();
    await expect(dueError).toBeVisible();
    await expect(dueError).not.toBeEmpty();
    await app.due.fill('03/04/2022');
    await expect(app.totalDue).toHaveText(CHECK_CASE.due);

    // The due date's day selected.
    await app.due.focus();
    await page.evaluate(() => (document.getElementById('qs-f-invoices-0-due') as HTMLInputElement).setSelectionRange(0, 2));
    expect(await page.evaluate(() => document.readyState), 'the load event waits for the app').toBe('interactive');

    release();
    await appStarted(page);
    await expect(app.amount).toHaveValue('24000');
    await expect(app.due).toHaveValue('03/04/2022');
    await expect(app.totalDue).toHaveText(CHECK_CASE.due);
    expect(await app.totals()).toEqual(CHECK_CASE);
    await expect(app.due).toBeFocused();
    expect(
      await page.evaluate(() => {
        const field = document.activeElement as HTMLInputElement;
        return [field.selectionStart, field.selectionEnd];
      }),
    ).toEqual([0, 2]);
    // Typing goes on in the app's field, over the day still selected.
    await page.keyboard.type('05');
    await expect(app.due).toHaveValue('05/04/2022');
    await expect(app.totalDue).not.toHaveText(CHECK_CASE.due);
    expect(await page.evaluate(() => document.readyState)).toBe('complete');
    // Kept as the app keeps a form.
    await page.reload();
    await appStarted(page);
    await expect(app.amount).toHaveValue('24000');
    await expect(app.due).toHaveValue('05/04/2022');
  });

  test('a date still being typed when the app takes over is checked once left, as before', async ({ page, context }) => {
    const { release } = await holdTheApp(context);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    const app = new RelancePage(page);
    await app.amount.fill('24000');
    await app.due.pressSequentially('0304202');
    await expect(app.due).toHaveValue('03/04/202');
    await expect(page.locator('#qs-f-invoices-0-due-error')).toBeHidden();
    release();
    await appStarted(page);
    await expect(app.due).toBeFocused();
    await expect(app.due).toHaveValue('03/04/202');
    await expect(app.due).not.toHaveAttribute('aria-invalid', /.*/);
    await page.keyboard.type('2');
    await expect(app.due).toHaveValue('03/04/2022');
    await app.amount.focus();
    await expect(app.due).not.toHaveAttribute('aria-invalid', /.*/);
    await expect(app.totalDue).not.toBeEmpty();
  });

  test('a browser that keeps a dossier waits for the app: no empty quick start over it', async ({ page, context }) => {
    const app = new RelancePage(page);
    await app.goto();
    await app.typeCheckCase();
    await expect(app.totalDue).toHaveText(CHECK_CASE.due);
    const { release, requested } = await holdTheApp(context);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await requested;
    // The quick start's module is in (the app's is requested after it) and has had time to run.
    await page.waitForTimeout(500);
    await expect(page.getByRole('status')).toHaveText('Chargement du calculateur…');
    await expect(page.locator('#qs-f-invoices-0-amount')).toHaveCount(0);
    release();
    await appStarted(page);
    await expect(app.totalDue).toHaveText(CHECK_CASE.due);
  });
});
