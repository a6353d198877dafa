// Bad input: a French message right next to the field, every other field keeps its value,
// and the results still show for what is valid.
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

test('a bad amount and a bad date are explained next to their fields', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('24000');
  await app.due.fill('2022-04-03');
  await app.asOf.fill('2026-11-22');
  await app.openDossier();
  await app.fillInvoice(1, { number: 'F-1' });
  await app.button('Ajouter une facture').click();
  await app.fillInvoice(2, { number: 'F-2', amount: '12,345', due: '31/02/2026' });

  const amount = app.invoice(2).getByLabel('Montant TTC (€)');
  const due = app.invoice(2).getByLabel("Date d'échéance");
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  expect(await app.errorOf(amount)).toBe('montant invalide « 12,345 » (plus de deux décimales)');
  expect(await app.errorOf(due)).toBe('date invalide « 31/02/2026 »');
  // The message is right under its own field.
  await expect(app.invoice(2).locator('.field', { has: page.getByLabel('Montant TTC (€)') }).locator('.error')).toHaveText(
    'montant invalide « 12,345 » (plus de deux décimales)',
  );

  // Everything typed is kept, and the valid invoice is still computed.
  await expect(amount).toHaveValue('12,345');
  await expect(due).toHaveValue('31/02/2026');
  await expect(app.invoice(2).getByLabel('N° de facture')).toHaveValue('F-2');
  await expect(app.invoice(1).getByLabel('Montant TTC (€)')).toHaveValue('24000');
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await expect(app.totalIndemnities).toHaveText('40,00 €');

  // Fixing a field removes its message and adds the invoice to the totals.
  await amount.fill('1 000');
  await due.fill('28/02/2026');
  await expect(amount).not.toHaveAttribute('aria-invalid', 'true');
  await expect(app.invoice(2).locator('.error')).toHaveCount(0);
  await expect(app.totalIndemnities).toHaveText('80,00 €');
});

test('a bad calculation date stops the totals and says why', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.asOf.fill('32/11/2026');
  await app.asOf.blur();
  expect(await app.errorOf(app.asOf)).toBe('date invalide « 32/11/2026 »');
  await expect(page.getByText('Corrigez la date « Calculer au » pour voir le calcul.')).toBeVisible();
  await expect(app.totalDue).toHaveCount(0);
  await expect(app.amount).toHaveValue('24 000,00');
  await app.asOf.fill('');
  // Empty means today (the browser's clock).
  await expect(app.totalDue).toBeVisible();
});

test('a quick-start amount that is not a number', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('vingt mille');
  await app.due.fill('03/04/2022');
  expect(await app.errorOf(app.amount)).toBe('montant invalide « vingt mille » (nombre illisible)');
  await expect(app.due).toHaveValue('03/04/2022');
  await expect(page.getByText('Aucune facture complète et valide : corrigez les champs signalés.')).toBeVisible();
});
