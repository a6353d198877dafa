// Full dossier: parties, several invoices (added, duplicated, removed), a partial payment and
// a credit note. Expected figures come from the relance CLI on the same dossier.
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

test('several invoices, a payment and a credit note', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.openDossier();

  const creditor = app.group('Créancier');
  await creditor.getByLabel('Nom du créancier').fill('Atelier Numérique SARL');
  await creditor.getByLabel('SIREN du créancier').fill('732 829 321');
  await expect(creditor.getByText('SIREN invalide « 732 829 321 » (9 chiffres, clé de contrôle)')).toBeVisible();
  await creditor.getByLabel('SIREN du créancier').fill('732 829 320');
  await expect(creditor.getByText('SIREN invalide')).toHaveCount(0);
  await app.group('Débiteur').getByLabel('Nom du débiteur').fill('Boulangeries Martin SAS');

  // The quick start's first invoice is the list's first row.
  await app.amount.fill('10000');
  await app.due.fill('31/01/2024');
  await app.asOf.fill('2026-11-22');
  await app.fillInvoice(1, { number: 'F-1' });

  await app.button('Ajouter une facture').click();
  // The new row takes the focus, ready to type.
  await expect(app.invoice(2).getByLabel('N° de facture')).toBeFocused();
  await app.fillInvoice(2, { number: 'F-2', amount: '5 000,00', terms: '30 jours', issued: '15/02/2024' });
  await expect(app.invoice(2).getByText('Échéance : 16/03/2024')).toBeVisible();
  await app.page.getByRole('button', { name: 'Dupliquer la facture 2' }).click();
  await expect(app.invoice(3).getByLabel('N° de facture')).toHaveValue('');
  await expect(app.invoice(3).getByLabel('Montant TTC (€)')).toHaveValue('5 000,00');
  await app.fillInvoice(3, { number: 'F-3', amount: '2500' });
  // With several invoices the quick start points to the list.
  await expect(app.quickStart.getByText('Ce dossier compte 3 factures')).toBeVisible();

  await app.button('Ajouter un paiement').click();
  // A first payment is added with a click too (no quick-start field for it): it takes the focus.
  await expect(app.payment(1).getByLabel('Date du paiement')).toBeFocused();
  await app.payment(1).getByLabel('Date du paiement').fill('30/06/2024');
  await app.payment(1).getByLabel('Montant payé (€)').fill('4000');
  await app.concerned(app.payment(1)).selectOption('F-1');
  await app.button('Ajouter un avoir').click();
  await app.creditNote(1).getByLabel("Montant de l'avoir (€)").fill('500');
  await app.concerned(app.creditNote(1)).selectOption('F-2');

  await expect(app.totalDue).toHaveText('18 200,73 €');
  expect(await app.totals()).toEqual({
    due: '18 200,73 €',
    principal: '13 599,86 €',
    interest: '4 480,87 €',
    indemnities: '120,00 €',
    daily: '4,62 €',
  });

  await app.page.getByRole('button', { name: 'Supprimer la facture 3' }).click();
  await expect(app.invoice(3)).toHaveCount(0);
  await expect(app.totalDue).toHaveText('14 785,95 €');
  await expect(app.totalIndemnities).toHaveText('80,00 €');

  // « Facture concernée » offers the dossier's invoices only, and none in particular.
  await expect(app.concerned(app.payment(1)).locator('option')).toHaveText(['Aucune en particulier', 'F-1', 'F-2']);
  await app.concerned(app.payment(1)).selectOption('');
  await expect(app.concerned(app.payment(1))).toHaveValue('');
  // Without an invoice named, the payment goes to the oldest debt (C. civ. 1342-10), still counted.
  await expect(app.formErrors).toHaveCount(0);
  await expect(app.totalDue).toBeVisible();
  await app.concerned(app.payment(1)).selectOption('F-1');
  await expect(app.totalDue).toHaveText('14 785,95 €');

  // Options: no indemnity, then a contractual rate.
  const options = app.group('Options de calcul');
  await options.getByLabel("Réclamer l'indemnité forfaitaire de 40 € par facture (C. com. D441-5)").uncheck();
  await expect(app.totalIndemnities).toHaveText('0,00 €');
  await options.getByRole('radio', { name: 'taux prévu au contrat' }).check();
  await options.getByLabel('Taux contractuel annuel (%)').fill('abc');
  await expect(options.getByText('taux invalide « abc » (nombre illisible)')).toBeVisible();
  await options.getByLabel('Taux contractuel annuel (%)').fill('15');
  await expect(options.getByText('taux invalide')).toHaveCount(0);
  await expect(app.totalDue).not.toHaveText('14 705,95 €');

  // Back to one invoice: the full dossier stays open.
  await app.page.getByRole('button', { name: 'Supprimer la facture 2' }).click();
  await expect(app.invoice(2)).toHaveCount(0);
  await expect(app.dossier).toHaveJSProperty('open', true);
});
