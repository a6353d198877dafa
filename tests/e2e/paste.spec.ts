// Paste from a spreadsheet: rows copied from Excel (tab separated) or a CSV file are shown as
// understood, bad lines are listed with their number and reason, then added on request.
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

// A header and three rows; the second row (line 3) has an impossible due date.
const EXCEL = [
  'N° facture\tDate\tÉchéance\tMontant TTC',
  'F-101\t04/03/2022\t03/04/2022\t24 000,00',
  'F-102\t10/05/2022\t31/02/2022\t1 200,50',
  'F-103\t15/06/2022\t15/07/2022\t3 600,00',
].join('\n');

test('tab-separated rows are previewed, a bad row is rejected, the rest is added', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.openPaste();
  await app.pasteText.fill(EXCEL);
  await app.button('Analyser').click();

  await expect(app.pastePreview).toBeVisible();
  await expect(app.pastePreview.locator('tbody tr')).toHaveCount(2);
  await expect(app.pastePreview).toContainText('F-101');
  await expect(app.pastePreview).toContainText('24 000,00 €');
  await expect(app.pastePreview).toContainText('15/07/2022');
  await expect(app.pasteRejected).toContainText('ligne 3 :');
  await expect(app.pasteRejected.locator('li')).toHaveCount(1);

  await app.button('Ajouter ces factures').click();
  await expect(page.getByText('2 factures ajoutées au dossier.')).toBeVisible();
  await expect(app.pastePreview).toHaveCount(0);
  await app.openDossier();
  await expect(app.invoice(1).getByLabel('N° de facture')).toHaveValue('F-101');
  await expect(app.invoice(2).getByLabel('N° de facture')).toHaveValue('F-103');
  await expect(app.invoice(1).getByLabel('Montant TTC (€)')).toHaveValue('24 000,00');
  await expect(app.invoice(3)).toHaveCount(0);
  await app.asOf.fill('22/11/2026');
  await expect(app.totalIndemnities).toHaveText('80,00 €');
  await expect(app.totalPrincipal).toHaveText('27 600,00 €');
});

test('a CSV file is read in the browser', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.openPaste();
  const csv = '\ufeffInvoice;Invoice date;Due date;Amount\nA-1;2024-01-10;2024-02-09;1500.00\nA-2;2024-01-20;2024-02-19;abc\n';
  await app.pasteFile.setInputFiles({ name: 'factures.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') });
  await expect(app.pastePreview.locator('tbody tr')).toHaveCount(1);
  await expect(app.pastePreview).toContainText('1 500,00 €');
  await expect(app.pasteRejected).toContainText('ligne 3 : montant invalide « abc »');
  await app.button('Ajouter ces factures').click();
  // Written as a French user types it, like an imported dossier.
  await expect(app.amount).toHaveValue('1 500,00');
});

test('a type column brings payments and credit notes, each with the invoice it pays', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.openPaste();
  await app.pasteText.fill([
    'N°;Date;Échéance;Montant;Type',
    'F-1;01/02/2024;02/03/2024;1 000,00;Facture',
    'F-1;15/03/2024;;-400,00;Règlement',
    'AV-1;20/03/2024;;100,00;Avoir',
    'X;20/03/2024;;10;bidule',
  ].join('\n'));
  await app.button('Analyser').click();
  const payments = page.getByRole('table', { name: 'Paiements compris (1)' });
  const notes = page.getByRole('table', { name: 'Avoirs compris (1)' });
  await expect(app.pastePreview).toHaveAccessibleName('Factures comprises (1)');
  await expect(payments).toContainText('15/03/2024');
  await expect(payments).toContainText('F-1');
  await expect(payments).toContainText('400,00 €');
  // AV-1 is the note's own number, not an invoice: the law chooses what it pays.
  await expect(notes).toContainText('Aucune en particulier');
  await expect(app.pasteRejected).toContainText('ligne 5 : type inconnu « bidule » (facture, paiement ou avoir)');

  await app.button('Ajouter ces lignes').click();
  await expect(page.getByText('1 facture, 1 paiement et 1 avoir ajoutés au dossier.')).toBeVisible();
  await app.openDossier();
  await expect(app.payment(1).getByLabel('Montant payé (€)')).toHaveValue('400,00');
  await expect(app.payment(1).getByLabel('Date du paiement')).toHaveValue('15/03/2024');
  await expect(app.concerned(app.payment(1))).toHaveValue('F-1');
  await expect(app.creditNote(1).getByLabel("Montant de l'avoir (€)")).toHaveValue('100,00');
  await expect(app.payment(2)).toHaveCount(0);
  // On the due date: the credit note reduces the invoice itself, the payment is yet to come.
  await app.asOf.fill('02/03/2024');
  await expect(app.formErrors).toHaveCount(0);
  await expect(app.totalPrincipal).toHaveText('900,00 €');
  // The payment of 15/03 pays the interest first (C. civ. 1343-1): 13 days at 14,50 % on
  // 900 € = 4,65 €, then 395,35 € of principal.
  await app.asOf.fill('01/04/2024');
  await expect(app.totalPrincipal).toHaveText('504,65 €');
});
