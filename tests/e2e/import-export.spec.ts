// Keep and move the work: autosave across a reload, dossier export → clear → import
// round trip, décompte exports (CSV for a French Excel, JSON), refused imports.
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

const KEY = 'relance.v1.form';

test('a reload keeps what was typed, mistakes included', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('24000');
  await app.due.fill('03/04/2022');
  await app.asOf.fill('2026-11-22');
  await app.openDossier();
  await app.group('Créancier').getByLabel('SIREN du créancier').fill('123');
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await page.reload();
  await expect(app.amount).toHaveValue('24000');
  await expect(app.due).toHaveValue('03/04/2022');
  await expect(app.asOf).toHaveValue('2026-11-22');
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await app.openDossier();
  await expect(app.group('Créancier').getByLabel('SIREN du créancier')).toHaveValue('123');
  await expect(app.group('Créancier').getByText('SIREN invalide « 123 »', { exact: false })).toBeVisible();
});

test('export, clear, import gives the same totals', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.openDossier();
  await app.button('Ajouter une facture').click();
  await app.fillInvoice(2, { number: 'F-2022-040', amount: '3 600,00', terms: '45 jours fin de mois', issued: '15/04/2022' });
  await app.button('Ajouter un paiement').click();
  await app.payment(1).getByLabel('Date du paiement').fill('01/09/2023');
  await app.payment(1).getByLabel('Montant payé (€)').fill('5000');
  await expect(app.totalDue).not.toHaveText('38 132,53 €');
  const before = await app.totals();

  const file = await app.download('Exporter le dossier');
  expect(file.name).toBe('dossier-relance.json');
  expect(JSON.parse(file.text)).toMatchObject({ version: 3, as_of: '2026-11-22' });
  expect(JSON.parse(file.text).invoices).toHaveLength(2);

  await app.clearData();
  await expect(app.totalDue).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  await expect(app.amount).toHaveValue('');

  await app.importFile('dossier-relance.json', file.text);
  await expect(app.status).toContainText('Dossier importé : 2 facture(s).');
  await expect(app.totalDue).toHaveText(before.due);
  expect(await app.totals()).toEqual(before);
});

test('clearing asks first and can be cancelled', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await (await app.fileAction('Effacer mes données')).click();
  await expect(app.button('Oui, tout effacer')).toBeFocused();
  await app.button('Annuler').click();
  await expect(app.button('Effacer mes données')).toBeFocused();
  await expect(app.totalDue).toHaveText('38 132,53 €');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).not.toBeNull();
});

test('an invalid file is refused and the dossier stays', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  const bad = JSON.stringify({ version: 1, invoices: [{ number: 'A', due: '31/02/2026', amount: '12,345' }] });
  await app.importFile('faux.json', bad);
  await expect(app.alert).toContainText("Fichier refusé : ce n'est pas un dossier Relance valide.");
  await expect(app.alert).toContainText('invoices[0].due: date invalide « 31/02/2026 »');
  await expect(app.alert).toContainText('invoices[0].amount: montant invalide « 12,345 »');
  await expect(app.totalDue).toHaveText('38 132,53 €');

  await app.importFile('pas-du-json.json', 'bonjour');
  await expect(app.alert).toContainText('fichier JSON illisible');
  await expect(app.totalDue).toHaveText('38 132,53 €');
});

test('the décompte exports as CSV for a French spreadsheet and as JSON', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  const csv = await app.download('Exporter le décompte (CSV)');
  // Named after the debtor and the calculation date (issue 19: no more `decompte.csv` for all).
  expect(csv.name).toBe('decompte-boulangeries-martin-sas-2026-11-22.csv');
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  // Header block (parties, calculation date), then the table: every line dated, line items in
  // `montant`, totals in `total`.
  expect(csv.text).toContain(
    '\ufeffDécompte des sommes dues\r\nCréancier;Atelier Numérique SARL\r\nDébiteur;Boulangeries Martin SAS\r\nCalculé au;22/11/2026\r\n\r\n' +
      'facture;date;ligne;du;au;jours;base;taux (%);montant;total;fondement\r\n',
  );
  expect(csv.text).toContain('F-2022-031;30/06/2022;intérêts;04/04/2022;30/06/2022;88;24000,00;10,00;578,63;;');
  expect(csv.text).toContain('TOTAL;22/11/2026;total dû;;;;;;;38132,53;');
  const json = await app.download('Exporter le décompte (JSON)');
  expect(json.name).toBe('decompte-boulangeries-martin-sas-2026-11-22.json');
  const result = JSON.parse(json.text);
  expect(result.as_of).toBe('2026-11-22');
  expect(result.daily_accrual).toBe('8.15');
  expect(result.invoices[0].interest).toBe('14092.53');
});

test('a storage failure is reported and the page keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await expect(page.getByText('Enregistrement impossible dans ce navigateur', { exact: false })).toBeVisible();
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await app.asOf.fill('2026-11-23');
  await expect(app.totalDue).not.toHaveText('38 132,53 €');
});
