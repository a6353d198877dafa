// After a judgment (issue 13): the « Jugement » part of the full dossier, the décompte since
// the decision with each period's legal basis, the 5-point increase, capitalisation, the demand
// to execute the decision, and Stratégie's enforcement paths. The figures are those of the
// golden dossier crates/engine/tests/golden/judgment_served.json, checked by its own script.
import { readFileSync } from 'node:fs';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';
import { axe, pdfText } from './checks';

const GOLDEN = new URL('../../crates/engine/tests/golden/judgment_served.json', import.meta.url);

test('a judgment typed in the page: its décompte, its letter and its enforcement', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('12 000');
  await app.due.fill('03/07/2024');
  await app.asOf.fill('31/03/2026');
  await app.openDossier();
  await app.invoice(1).getByLabel('N° de facture').fill('F-2024-088');
  for (const [n, date, amount] of [[1, '15/01/2025', '500'], [2, '15/09/2025', '3 000']] as const) {
    await app.dossier.getByRole('button', { name: 'Ajouter un paiement' }).click();
    await app.payment(n).getByLabel('Date du paiement').fill(date);
    await app.payment(n).getByLabel('Montant payé (€)').fill(amount);
  }
  const judgment = page.getByTestId('judgment');
  await judgment.getByLabel('Date de la décision').fill('10/03/2025');
  // A judgment without its principal is named under the field; the invoices still count.
  await judgment.getByLabel('Date de la décision').blur();
  await expect(page.locator('#f-judgment-principal-error')).toContainText('obligatoire');
  await expect(page.getByTestId('form-errors')).toContainText('Jugement, principal');
  await judgment.getByLabel('Principal de la condamnation (€)').fill('12 000');
  await judgment.getByLabel('Intérêts fixés par la décision (€)').fill('850');
  await judgment.getByLabel('Article 700 du CPC (€)').fill('1 500');
  await judgment.getByLabel('Dépens liquidés (€)').fill('120,50');
  // Served before the decision: a mistake, said under the field; the rest stays as typed.
  const served = judgment.getByLabel('Date de la signification');
  await served.fill('01/03/2025');
  await served.blur();
  expect(await app.errorOf(served)).toContain('signification antérieure au jugement du 10/03/2025');
  await expect(judgment.getByLabel('Article 700 du CPC (€)')).toHaveValue('1 500');
  await served.fill('02/04/2025');
  await served.blur();

  // What is owed comes from the decision: 13 500 € bear interest from 11/03/2025, 5 points more
  // from 03/06/2025; the 3 000 € of 15/09/2025 pay the dépens, then interest, then principal.
  await expect(app.totalDue).toHaveText('12 391,13 €');
  await expect(app.totalPrincipal).toHaveText('11 896,96 €');
  await expect(app.totalInterest).toHaveText('494,17 €');
  await expect(app.totalIndemnities).toHaveCount(0);
  const account = page.getByTestId('judgment-decompte');
  await expect(account).toContainText('Décision du 10/03/2025');
  await expect(account).toContainText('signifiée le 02/04/2025, taux majoré de 5 points à compter du 03/06/2025');
  const periods = account.getByRole('table', { name: 'Intérêts depuis la décision, période par période' });
  await expect(periods.locator('tbody tr')).toHaveCount(5);
  await expect(periods.locator('tbody tr').first()).toContainText('sur la condamnation (C. civ. 1231-7)');
  await expect(periods.locator('tbody tr').nth(1)).toContainText('8,71 %');
  await expect(periods.locator('tbody tr').nth(1)).toContainText('C. mon. fin. L313-3');
  await expect(periods.locator('tfoot')).toContainText('920,63 €');
  await expect(account.getByRole('table', { name: /Paiements depuis la décision/ })).toContainText('1 276,46 €');
  await expect(app.decompte).toContainText("Avant la décision : les factures jusqu'au 10/03/2025");
  await expect(page.getByRole('region', { name: 'Remarques' })).toContainText('le jugement est réputé en avoir tenu compte');
  await axe(page, 'judgment typed');

  // Stratégie compares its enforcement only.
  await app.step('Stratégie').click();
  await app.openStrategy();
  await expect(page.getByTestId('strategy-judgment')).toContainText('seule son exécution est comparée');
  expect(await app.strategyOrder()).toEqual(['demande-execution', 'saisie-attribution', 'saisie-vente', 'abandon']);
  await expect(app.strategyTable).not.toContainText('Injonction de payer');
  await expect(page.getByTestId('strategy-cited')).toContainText('CPCE L111-2');
  // The plan's first step, the demand, links to the letter step that drafts it.
  await expect(app.timeline.getByRole('link', { name: 'Préparer la lettre (étape Lettre)' })).toHaveCount(1);
  await axe(page, 'judgment, Stratégie');

  // The letter is the demand to execute the decision.
  await expect(app.letter.getByRole('radio')).toHaveCount(1);
  await expect(app.letter.getByRole('radio', { name: "Demande d'exécution du jugement" })).toBeChecked();
  await app.parties.getByLabel('Nom du créancier').fill('Atelier Martin');
  await app.parties.getByLabel('Adresse du créancier').fill('12 rue des Lilas, 69003 Lyon');
  await app.parties.getByLabel('Nom du débiteur').fill('Dupont SARL');
  await app.parties.getByLabel('Adresse du débiteur').fill('3 place Bellecour, 69002 Lyon');
  await app.openDossier();
  await judgment.getByLabel('Juridiction').fill('Tribunal de commerce de Lyon');
  await judgment.getByLabel('Numéro (RG)').fill('RG n° 25/01234');
  await app.letterField('Signataire').fill('Camille Martin');
  await app.letterField('Lieu (ville)').fill('Lyon');
  await expect(app.letterPreview).toContainText("Demande d'exécution de la décision du 10 mars 2025");
  await expect(page.getByTestId('letter-blanks')).toHaveCount(0);
  const pdf = await app.downloadFile('Télécharger le PDF');
  expect(pdf.name).toBe('execution-jugement-dupont-sarl-2026-03-31.pdf');
  const text = pdfText(pdf.path);
  for (const word of [
    'Tribunal de commerce de Lyon', 'RG n° 25/01234', '12 000,00 €', '1 500,00 €', '120,50 €',
    '11 896,96 €', '494,17 €', '12 391,13 €', '1231-7', 'L313-3', 'à compter du 3 juin 2025',
    'commissaire de justice', '920,63 €',
  ]) {
    expect(text, word).toContain(word);
  }
  for (const word of ['L441-10', 'D441-5', 'Mise en demeure']) expect(text, word).not.toContain(word);
  await axe(page, 'judgment, letter');
});

test('a judgment dossier reads in, keeps its judgment on export, and warns of the increase to come', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf-8'));
  await app.importFile('jugement.json', JSON.stringify(golden));
  await expect(app.totalDue).toHaveText('12 391,13 €');
  await app.openDossier();
  await expect(page.locator('#f-judgment-served')).toHaveValue('02/04/2025');
  await expect(page.locator('#f-judgment-costs')).toHaveValue('120,50');

  // On 10/05/2025 the 5-point increase is 24 days away: said in the notices.
  await app.asOf.fill('10/05/2025');
  await expect(page.getByRole('region', { name: 'Remarques' })).toContainText('majoré de 5 points à compter du 03/06/2025');

  // Capitalisation asked at the judgment: on its anniversary, the interest owed joins the base.
  await app.asOf.fill('31/03/2026');
  const capitalisation = page.locator('#f-options-capitalisation_from');
  await capitalisation.fill('10/03/2025');
  await capitalisation.blur();
  await expect(page.getByTestId('judgment-decompte')).toContainText("Capitalisation du 10/03/2026");
  await expect(page.getByTestId('judgment-decompte')).toContainText('(C. civ. 1343-2)');
  // After the calculation date: a mistake, said under the field.
  await capitalisation.fill('01/04/2026');
  await capitalisation.blur();
  expect(await app.errorOf(capitalisation)).toContain('capitalisation demandée après la date de calcul');
  await expect(app.totalDue).toHaveText('12 391,13 €');

  const file = await app.download('Exporter le dossier');
  const saved = JSON.parse(file.text);
  expect(saved.judgment).toMatchObject({
    date: '2025-03-10', served: '2025-04-02', principal: '12000.00', interest_awarded: '850.00',
    article_700: '1500.00', costs: '120.50',
  });
  // And it reads back into the page.
  await app.clearData();
  await app.importFile(file.name, file.text);
  await expect(app.totalDue).toHaveText('12 391,13 €');
});
