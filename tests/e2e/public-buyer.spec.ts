// A public buyer (C. commande publique) and prescription from the delivery, payments and
// acknowledgments (issue 12): what the page computes and says, step by step.
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';
import { axe, pdfText } from './checks';

test('a public buyer owes one rate for the whole delay, and its letter is a request for payment', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.debtor('public').check();
  await expect(app.quickStart.getByText('Acheteur public : 30 jours (C. commande publique R2192-10)')).toBeVisible();
  await app.amount.fill('10 000');
  await app.due.fill('20/05/2025');
  await app.asOf.fill('31/12/2025');
  // 10 000 × 11,15 % × 225 / 365 = 687,33 (ECB 3,15 % on 1 January 2025 + 8 points, kept
  // after 1 July 2025), and 40 € (D2192-35).
  await expect(app.totalInterest).toHaveText('687,33 €');
  await expect(app.totalIndemnities).toHaveText('40,00 €');
  await expect(app.totalDue).toHaveText('10 727,33 €');
  await expect(page.getByText('fixe pour tout le retard (C. commande publique R2192-31)').first()).toBeVisible();

  await app.step('Stratégie').click();
  await app.strategy.getByRole('button', { name: 'Comparer les voies de recouvrement' }).click();
  // Stratégie compares only what exists against a public person.
  await expect(page.getByTestId('strategy-public')).toContainText("pas d'injonction de payer");
  await expect(page.getByTestId('strategy-public')).toContainText('pas de saisie');
  await expect(app.strategyTable).toBeVisible();
  for (const path of [
    'Relance puis demande de paiement écrite',
    'Demande de paiement puis Médiateur des entreprises',
    'Demande de paiement puis référé-provision au tribunal administratif',
    'Demande de paiement puis action au tribunal administratif',
  ]) {
    await expect(app.strategyTable).toContainText(path);
  }
  await expect(app.strategyTable).not.toContainText('Injonction de payer');
  await expect(app.strategy).not.toContainText('Saisie-attribution');
  await expect(page.getByTestId('plan-value')).toHaveCount(0);
  await expect(page.getByTestId('strategy-warnings')).toContainText('mémoire en réclamation');
  // The prefect mandates only a local authority's debt: last until the user says the buyer is one.
  const order = await app.strategyOrder();
  expect(order.indexOf('mandatement')).toBeGreaterThan(order.indexOf('refere-ta'));
  await page.getByTestId('public-buyer-kind').getByLabel('Une commune, un département, une région ou un de leurs établissements publics').check();
  await expect
    .poll(async () => {
      const now = await app.strategyOrder();
      return now.indexOf('mandatement') < now.indexOf('refere-ta');
    })
    .toBe(true);
  await expect(page.getByTestId('strategy-cited')).toContainText('CJA R421-1');
  await axe(page, 'public buyer, Stratégie');
  // The letter step offers one letter, the request for payment of R2192-31 ff.
  await expect(page.getByTestId('letter-public')).toContainText('demande de paiement du principal, des intérêts moratoires');
  await expect(app.letter.getByRole('radio')).toHaveCount(1);
  await expect(app.letter.getByRole('radio', { name: 'Demande de paiement (acheteur public)' })).toBeChecked();
  await app.parties.getByLabel('Nom du créancier').fill('Atelier Numérique SARL');
  await app.parties.getByLabel('Adresse du créancier').fill('12 rue des Lilas, 69003 Lyon');
  await app.parties.getByLabel('Nom du débiteur').fill('Mairie de Trifouilly');
  await app.parties.getByLabel('Adresse du débiteur').fill('Place de la Mairie, 01234 Trifouilly');
  await app.openDossier();
  await app.invoice(1).getByLabel('N° de facture').fill('F-2025-007');
  await app.letterField('Signataire').fill('Camille Durand');
  await app.letterField('Lieu (ville)').fill('Lyon');
  await expect(app.letterPreview).toContainText('Demande de paiement du principal restant dû');
  await expect(page.getByTestId('letter-blanks')).toHaveCount(0);
  const pdf = await app.downloadFile('Télécharger le PDF');
  expect(pdf.name).toBe('demande-de-paiement-mairie-de-trifouilly-2025-12-31.pdf');
  const text = pdfText(pdf.path);
  for (const word of ['Mairie de Trifouilly', 'F-2025-007', '10 000,00 €', '687,33 €', '40,00 €', '10 727,33 €', 'R2192-31', 'D2192-35', 'R2192-36', 'comptable public', 'mémoire en réclamation']) {
    expect(text, word).toContain(word);
  }
  for (const word of ['L441-10', 'D441-5', 'Mise en demeure', '1344']) expect(text, word).not.toContain(word);
  await axe(page, 'public buyer, request for payment');

  // A contractual rate cannot be chosen for a public buyer: said under the choice.
  await app.openDossier();
  const kind = app.group('Options de calcul').getByRole('radio', { name: 'taux prévu au contrat' });
  await kind.check();
  await expect(page.locator('#f-options-rate-kind-error')).toContainText('fixé par la réglementation');
  await axe(page, 'public buyer, rate refused');
});

test('prescription runs from the delivery and starts again at an acknowledgment', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('1 000');
  await app.due.fill('31/03/2021');
  await app.asOf.fill('11/02/2026');
  await app.openDossier();
  const invoice = app.group('Facture 1');
  await invoice.getByLabel('N° de facture').fill('F-1');
  await invoice.getByLabel('Livraison ou fin de la prestation').fill('10/02/2021');
  await invoice.getByLabel('Livraison ou fin de la prestation').blur();
  const notices = page.locator('.notices');
  await expect(notices).toContainText('compté depuis la livraison ou la prestation du 10/02/2021, a expiré le 10/02/2026');

  await app.dossier.getByRole('button', { name: 'Ajouter une reconnaissance de dette' }).click();
  const ack = app.group('Reconnaissance 1');
  await expect(ack.getByLabel('Montant', { exact: false })).toHaveCount(0);
  await ack.getByLabel('Date de la reconnaissance écrite').fill('05/01/2026');
  await ack.getByLabel('Date de la reconnaissance écrite').blur();
  await expect(notices).not.toContainText('a expiré');
  // An acknowledgment of F-1 dated before its delivery is a mistake, named under the field,
  // and left out of the figures.
  await ack.getByLabel('Facture concernée (n°)').selectOption('F-1');
  const date = ack.getByLabel('Date de la reconnaissance écrite');
  await date.fill('01/01/2021');
  await date.blur();
  expect(await app.errorOf(date)).toContain('date antérieure à la facture F-1 (10/02/2021)');
  await expect(notices).toContainText('a expiré le 10/02/2026');
  await axe(page, 'acknowledgment in error');
});

test('a rate newer than the tables: typed with its source, marked « saisi par vous », kept in the dossier file', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('10 000');
  await app.due.fill('30/11/2026');
  await app.asOf.fill('31/03/2027');
  // Beyond the shipped ECB table (its last change: 2,65 % on 16/09/2026) the first half of 2027
  // is provisional: 10 000 × 12,40 % × 31 / 365 = 105,32 and 10 000 × 12,65 % × 90 / 365 = 311,92.
  await expect(app.totalInterest).toHaveText('417,24 €');
  await app.openDossier();
  const rates = page.getByRole('region', { name: 'Taux plus récents que ceux de Relance' });
  await expect(rates).toContainText("Relance connaît le taux BCE jusqu'au 16/09/2026 et le taux de l'intérêt légal jusqu'au 31/12/2026.");
  await rates.getByRole('button', { name: 'Ajouter un taux BCE' }).click();
  const row = app.group('Taux BCE saisi 1');
  await expect(row.getByLabel('Date du changement')).toBeFocused();
  await row.getByLabel('Date du changement').fill('16/12/2026');
  await row.getByLabel('Taux de refinancement de la BCE (%)').fill('2,90');
  await row.getByLabel('Date du changement').blur();
  // No source: the row is left out of the figures, and the field says why.
  await expect(page.locator('#f-rates-ecb-0-source-error')).toContainText('obligatoire');
  await expect(app.totalInterest).toHaveText('417,24 €');
  await expect(page.getByTestId('form-errors')).toContainText('Taux BCE saisi 1, source');
  await row.getByLabel('Source').fill('Décision de politique monétaire (saisie de test)');
  // 10 000 × 12,90 % × 90 / 365 = 318,08 from 1 January 2027 (the ECB rate in force that day).
  await expect(app.totalInterest).toHaveText('423,40 €');
  await expect(app.notices.first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Remarques' })).toContainText('Taux saisis par vous, utilisés dans ce calcul : taux BCE de 2,90 % à compter du 16/12/2026');
  await expect(app.decompte).toContainText('taux saisi par vous');
  // A semester that does not exist is named under its field.
  await rates.getByRole('button', { name: "Ajouter les taux légaux d'un semestre" }).click();
  const legal = app.group('Taux légal saisi 1');
  await legal.getByLabel('Semestre').fill('2027-3');
  await legal.getByLabel('Source').fill('Arrêté (saisie de test)');
  await expect(page.locator('#f-rates-legal-0-semester-error')).toContainText('semestre invalide « 2027-3 »');
  await axe(page, 'rates typed by the user, one in error');
  await legal.getByRole('button', { name: 'Supprimer' }).click();
  await expect(app.totalInterest).toHaveText('423,40 €');

  // The file keeps the row, and reads back into the page.
  const file = await app.download('Exporter le dossier');
  const saved = JSON.parse(file.text);
  expect(saved.rates).toEqual({
    ecb: [{ from: '2026-12-16', percent: '2.9', source: 'Décision de politique monétaire (saisie de test)' }],
    legal: [],
  });
  await app.clearData();
  await expect(app.totalInterest).toHaveCount(0);
  await app.importFile(file.name, file.text);
  await expect(app.totalInterest).toHaveText('423,40 €');
  await app.openDossier();
  await expect(app.group('Taux BCE saisi 1').getByLabel('Taux de refinancement de la BCE (%)')).toHaveValue('2,9');
});
