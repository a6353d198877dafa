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
  await expect(page.getByText('2 facture(s) ajoutée(s) au dossier.')).toBeVisible();
  await expect(app.pastePreview).toHaveCount(0);
  await app.openDossier();
  await expect(app.invoice(1).getByLabel('N° de facture')).toHaveValue('F-101');
  await expect(app.invoice(2).getByLabel('N° de facture')).toHaveValue('F-103');
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
  await expect(app.amount).toHaveValue('1500.00');
});
