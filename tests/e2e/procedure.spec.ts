// The « Procédure » step (issue 14): the court part of the dossier read in and typed, its
// guards by field, the pieces in the bordereau's order, the requête en injonction de payer and
// the déclaration de créance as PDF. Figures as `relance letter` gives them for the same file
// (crates/engine/tests/court/company.json).
import { readFileSync } from 'node:fs';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';
import { axe, pdfText } from './checks';

const COMPANY = new URL('../../crates/engine/tests/court/company.json', import.meta.url);

test('the requête en injonction de payer, its pieces and its guards', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  const dossier = JSON.parse(readFileSync(COMPANY, 'utf-8'));
  await app.importFile('company.json', JSON.stringify(dossier));
  await expect(app.totalDue).toHaveText('3 847,41 €');
  const step = page.getByTestId('procedure');
  // Stratégie's plan for the injonction de payer links to the step that drafts the requête.
  await app.step('Stratégie').click();
  await app.openStrategy();
  await page.locator('#strategy-path').selectOption('injonction');
  const link = app.timeline.getByRole('link', { name: 'Préparer la requête (étape Procédure)' });
  await link.click();
  await expect(page.locator('#step-procedure')).toBeFocused();
  // The formal notice is already sent (the file's date): no link to draft it again.
  await expect(app.timeline.getByRole('link', { name: 'Préparer la lettre (étape Lettre)' })).toHaveCount(0);
  await step.locator('summary').click();
  await expect(page.locator('#f-injunction-court')).toHaveValue('Tribunal de commerce de Grenoble');
  await expect(page.locator('#f-debtor-legal_form')).toHaveValue('SAS');
  await expect(page.locator('#f-creditor-share_capital')).toHaveValue('10 000,00');
  await expect(step.getByRole('group', { name: 'Pièce 2' }).getByLabel('Intitulé')).toHaveValue('Devis D-2026-004 signé');

  const preview = page.getByRole('article', { name: 'Aperçu du document' });
  await expect(preview).toContainText('Requête en injonction de payer');
  await expect(preview).toContainText('SARL au capital de 10 000,00 €');
  await expect(step.getByTestId('procedure-notes')).toContainText('dans les trois mois de sa date');
  await axe(page, 'procedure, requête');
  const pdf = await (async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      step.getByRole('button', { name: 'Télécharger le PDF' }).click(),
    ]);
    return { name: download.suggestedFilename(), path: await download.path() };
  })();
  expect(pdf.name).toBe('requete-injonction-boulangeries-martin-2026-12-01.pdf');
  const text = pdfText(pdf.path);
  for (const word of ['Tribunal de commerce de Grenoble', '3 571,12 €', '196,29 €', '80,00 €', '3 847,41 €', '1405', '1408', 'Devis D-2026-004 signé', 'Bordereau']) {
    expect(text, word).toContain(word);
  }

  // The pieces keep the user's order: the devis moved to the top is piece n° 1 of the bordereau.
  await step.getByRole('group', { name: 'Pièce 2' }).getByRole('button', { name: 'Monter' }).click();
  await expect(step.getByRole('group', { name: 'Pièce 1' }).getByLabel('Intitulé')).toHaveValue('Devis D-2026-004 signé');
  await step.getByRole('button', { name: 'Ajouter une pièce' }).click();
  const added = step.getByRole('group', { name: 'Pièce 4' });
  await added.getByLabel('Date').fill('31/02/2026');
  await added.getByLabel('Intitulé').fill('Bon de commande n° 77');
  await added.getByLabel('Date').blur();
  // A mistake is said under its field; the document waits.
  expect(await app.errorOf(added.getByLabel('Date'))).toContain('date invalide');
  await expect(page.getByTestId('form-errors')).toContainText('Pièce 4, date');
  await added.getByLabel('Date').fill('01/03/2026');
  await added.getByLabel('Date').blur();
  await expect(page.getByTestId('form-errors')).toHaveCount(0);
  await step.getByLabel('Bordereau de pièces').check();
  await expect(preview).toContainText('Bon de commande n° 77');

  // Without the court, the requête is held back and says which field to fill.
  await step.getByLabel('Requête en injonction de payer').check();
  await page.locator('#f-injunction-court').fill('');
  await page.locator('#f-injunction-court').blur();
  await expect(step.getByTestId('procedure-guards')).toBeVisible();
  await expect(preview).toHaveCount(0);
  await axe(page, 'procedure, held back');
});

test('a debtor in collective proceedings: no requête, the déclaration de créance as at the opening judgment', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  const dossier = JSON.parse(readFileSync(COMPANY, 'utf-8'));
  await app.importFile('company.json', JSON.stringify(dossier));
  const step = page.getByTestId('procedure');
  await step.locator('summary').click();
  await step.getByLabel('Procédure', { exact: true }).selectOption('redressement');
  await page.locator('#f-insolvency-opened').fill('15/10/2026');
  await page.locator('#f-insolvency-published').fill('25/10/2026');
  await page.locator('#f-insolvency-representative-name').fill('Maître Jeanne Roux, mandataire judiciaire');
  await page.locator('#f-insolvency-representative-address').fill('8 rue Lesdiguières\n38000 Grenoble');
  await page.locator('#f-insolvency-court').fill('Tribunal de commerce de Grenoble');
  await page.locator('#f-insolvency-court').blur();
  // The requête is no longer possible.
  await expect(step.getByTestId('procedure-guards')).toContainText('déclarez la créance');
  await step.getByLabel('Déclaration de créance').check();
  const preview = page.getByRole('article', { name: 'Aperçu du document' });
  await expect(preview).toContainText('Déclaration de créance');
  await expect(preview).toContainText('15 octobre 2026');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    step.getByRole('button', { name: 'Télécharger le PDF' }).click(),
  ]);
  const text = pdfText(await download.path());
  // As `relance letter --kind declaration-creance` gives it: penalties stop on 15/10/2026.
  for (const word of ['Maître Jeanne Roux', 'L622-24', 'L622-25', '15/10/2026', '2 082,10 €', '1 708,28 €', '3 790,38 €']) {
    expect(text, word).toContain(word);
  }
  expect(text).not.toContain('3 847,41 €');
  await axe(page, 'procedure, declaration');
});
