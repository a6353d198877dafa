// Quick start: one invoice typed in the first screen gives the check case of the
// specification (24 000,00 € due on 3 April 2022, unpaid on 22 November 2026).
import path from 'node:path';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

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
