// The décompte: one row per period with its legal basis and source, marks where the engine
// flags a rate, payments' imputation, and totals that add up to the cent.
import { test, expect } from './guard';
import { RelancePage, cents } from './pages/relance';

test('the periods add up to the totals', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await expect(app.decompte).toBeVisible();
  const table = app.segments('F-2022-031');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText('04/04/2022');
  await expect(rows.first()).toContainText('taux BCE 0,00 % au 01/01/2022 + 10 points (C. com. L441-10)');
  // Each rate cell names its source (footnote number and title).
  await expect(rows.first().locator('td.rate')).toHaveAttribute('title', /Banque de France/);
  await expect(app.decompte.getByRole('heading', { name: 'Sources des taux' })).toBeVisible();
  // Sources link to their official page where the legal reference names one, never a guess.
  const sources = app.decompte.locator('.sources');
  await expect(sources.getByRole('link', { name: 'page officielle' }).first()).toHaveAttribute(
    'href',
    'https://www.banque-france.fr/en/policy-rates',
  );
  await expect(sources.getByRole('listitem').filter({ hasText: 'Décision de politique monétaire' }).getByRole('link')).toHaveCount(0);
  await expect(sources.getByRole('link', { name: /article L441-10/ })).toHaveAttribute(
    'href',
    /legifrance\.gouv\.fr\/codes\/article_lc\/LEGIARTI000038414392$/,
  );

  const interests = await rows.locator('td:last-child').allTextContents();
  const sum = interests.map(cents).reduce((a, b) => a + b, 0);
  expect(sum).toBe(cents((await app.totalInterest.textContent()) ?? ''));
  const total = cents((await app.totalDue.textContent()) ?? '');
  const parts = [app.totalPrincipal, app.totalInterest, app.totalIndemnities];
  let added = 0;
  for (const p of parts) added += cents((await p.textContent()) ?? '');
  expect(added).toBe(total);
  await expect(app.decompte.getByRole('table', { name: 'Récapitulatif de la somme due' })).toContainText('38 132,53 €');
});

test('a rate beyond the tables is marked provisoire', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.asOf.fill('30/06/2027');
  await expect(app.segments('F-2022-031').getByText('provisoire', { exact: true }).first()).toBeVisible();
  await expect(app.notices).toContainText('Taux provisoire');
});

test('an unverified legal rate is marked non vérifié', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.debtor('particulier').check();
  await app.quickStart.getByLabel('Date de la mise en demeure').fill('15/01/2025');
  const table = app.segments('F-2022-031');
  await expect(table.getByText('non vérifié', { exact: true }).first()).toBeVisible();
  await expect(table).toContainText("taux de l'intérêt légal");
  await expect(app.notices).toContainText('Taux non vérifié');
});

test('a partial payment shows its imputation', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.openDossier();
  await app.button('Ajouter un paiement').click();
  // The first payment row, added with a click, takes the focus.
  await expect(app.payment(1).getByLabel('Date du paiement')).toBeFocused();
  await app.payment(1).getByLabel('Date du paiement').fill('30/06/2022');
  await app.payment(1).getByLabel('Montant payé (€)').fill('10 000');
  const imputation = page.getByRole('table', { name: 'Paiements imputés sur la facture F-2022-031' });
  await expect(imputation).toContainText('30/06/2022');
  // Interest first (C. civ. 1343-1): 578,63 € of accrued interest, the rest on principal.
  await expect(imputation).toContainText('578,63 €');
  await expect(imputation).toContainText('9 421,37 €');
});
