// Invoices in, not typed (issue 15): an FEC and e-invoices (UBL, CII, Factur-X) chosen in
// `import-invoices`, one debtor's dossier opened, several debtors in the portfolio, kept in this
// browser, exported as CSV. The figures are those of `relance import --as-of 2026-12-01` on the
// same fixtures (crates/import/tests/fixtures, made by independent scripts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';
import { axe, pdfText } from './checks';
import { bigFec } from './dossiers';

const fixture = (name: string) => ({
  name,
  mimeType: name.endsWith('.pdf') ? 'application/pdf' : name.endsWith('.xml') ? 'application/xml' : 'text/plain',
  buffer: readFileSync(new URL(`../../crates/import/tests/fixtures/${name}`, import.meta.url)),
});

test.beforeEach(async ({ page }) => {
  // The portfolio is computed on the day: the CLI's figures are those of 1 December 2026.
  await page.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
});

test('an FEC gives a portfolio of debtors, kept in this browser, each opening its dossier', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await page.getByTestId('import-invoices').setInputFiles([fixture('732829320FEC20251231.txt')]);
  const portfolio = page.getByTestId('portfolio');
  await expect(portfolio).toBeVisible();
  const rows = portfolio.getByTestId('portfolio-row');
  await expect(rows).toHaveCount(2);
  // The largest total first.
  await expect(rows.nth(0)).toContainText('Garage Dupont SARL');
  await expect(rows.nth(0)).toContainText('3 918,50 €');
  await expect(rows.nth(0)).toContainText('31/03/2025');
  await expect(rows.nth(1)).toContainText('Boulangerie Martin');
  await expect(rows.nth(1)).toContainText('68,60 €');
  await axe(page, 'portfolio');

  // A row opens its dossier in the page, with its totals as if typed.
  await rows.nth(0).getByRole('button', { name: 'Garage Dupont SARL : ouvrir son dossier' }).click();
  await expect(app.totalDue).toHaveText('3 918,50 €');
  await expect(app.totalIndemnities).toHaveText('80,00 €');

  await expect(rows.nth(0)).toHaveAttribute('aria-current', 'true');

  // What is typed in the open dossier goes back to the portfolio.
  await app.parties.getByLabel('Nom du créancier').fill('Atelier Numérique SARL');
  await app.parties.getByLabel('Adresse du créancier').fill('12 rue des Lilas, 69003 Lyon');
  await app.parties.getByLabel('Adresse du débiteur').fill('5 avenue Jean Jaurès, 69007 Lyon');
  await app.letterField('Signataire').fill('Camille Durand');
  await app.letterField('Lieu (ville)').fill('Lyon');
  await rows.nth(1).getByRole('button', { name: 'Boulangerie Martin : ouvrir son dossier' }).click();
  await expect(app.totalDue).toHaveText('68,60 €');
  await expect(app.parties.getByLabel('Adresse du débiteur')).toHaveValue('');
  await rows.nth(0).getByRole('button', { name: 'Garage Dupont SARL : ouvrir son dossier' }).click();
  await expect(app.parties.getByLabel('Adresse du débiteur')).toHaveValue('5 avenue Jean Jaurès, 69007 Lyon');

  // Kept in this browser: after a reload, still there, and the open dossier still takes back
  // what is typed in it.
  await page.reload();
  await expect(page.getByTestId('portfolio').getByTestId('portfolio-row')).toHaveCount(2);
  await expect(app.totalDue).toHaveText('3 918,50 €');
  await expect(rows.nth(0)).toHaveAttribute('aria-current', 'true');
  await app.parties.getByLabel('Adresse du débiteur').fill('7 avenue Jean Jaurès, 69007 Lyon');
  await rows.nth(1).getByRole('button', { name: 'Boulangerie Martin : ouvrir son dossier' }).click();
  await rows.nth(0).getByRole('button', { name: 'Garage Dupont SARL : ouvrir son dossier' }).click();
  await expect(app.parties.getByLabel('Adresse du débiteur')).toHaveValue('7 avenue Jean Jaurès, 69007 Lyon');

  // Every debtor's formal notice in one ZIP, signed as the open dossier; a debtor whose letter
  // would have a blank (no address from an FEC) is left out and named.
  const [zipped] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Mises en demeure de tous les débiteurs (ZIP de PDF)' }).click(),
  ]);
  expect(zipped.suggestedFilename()).toBe('mises-en-demeure-2026-12-01.zip');
  await expect(page.getByTestId('portfolio').getByRole('status')).toContainText("Sans lettre, à compléter : Boulangerie Martin : indiquez l'adresse du destinataire (débiteur)");
  const dir = mkdtempSync(join(tmpdir(), 'relance-zip-'));
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', await zipped.path(), dir]);
  expect(readdirSync(dir)).toEqual(['mise-en-demeure-garage-dupont-sarl-2026-12-01.pdf']);
  const letter = pdfText(join(dir, 'mise-en-demeure-garage-dupont-sarl-2026-12-01.pdf'));
  for (const word of ['Atelier Numérique SARL', 'Garage Dupont SARL', '7 avenue Jean Jaurès', '3 918,50 €', 'Camille Durand']) {
    expect(letter, word).toContain(word);
  }

  // Exported for a spreadsheet.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le portefeuille (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('portefeuille-2026-12-01.csv');
  const csv = readFileSync(await download.path(), 'utf-8');
  expect(csv).toContain('Garage Dupont SARL');
  expect(csv).toContain('3918,50');
  expect(csv).toContain('Boulangerie Martin');

  // Removed one by one, then closed.
  await page.getByRole('button', { name: 'Retirer Boulangerie Martin du portefeuille' }).click();
  await expect(page.getByTestId('portfolio-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Fermer le portefeuille' }).click();
  await expect(page.getByTestId('portfolio')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('portfolio')).toHaveCount(0);
});

test('e-invoices of one buyer open its dossier; a file that is not an invoice is named', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await page.getByTestId('import-invoices').setInputFiles([
    fixture('ubl-invoice.xml'),
    fixture('cii-invoice.xml'),
    fixture('facturx.pdf'),
    fixture('not-an-invoice.xml'),
  ]);
  await expect(app.totalDue).toHaveText('4 393,50 €');
  await expect(page.getByTestId('portfolio')).toHaveCount(0);
  await expect(app.status).toContainText('Dossier de Garage Dupont SARL importé.');
  await expect(app.status).toContainText("not-an-invoice.xml : ce n'est pas une facture électronique");
  await expect(app.status).toContainText('lue deux fois');

  // Nothing readable: said, and the dossier in the page stays as it was.
  await page.getByTestId('import-invoices').setInputFiles([fixture('ubl-dollars.xml')]);
  await expect(app.alert).toContainText('Aucune facture impayée dans ces fichiers');
  await expect(app.alert).toContainText('ubl-dollars.xml');
  await expect(app.totalDue).toHaveText('4 393,50 €');
});

test('a large FEC is read in slices: its progress shown while the page paints, the portfolio a hundred rows at a time', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new RelancePage(page);
  await app.goto();
  // Every value the progress bars take, and the frames the page paints, from now on.
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[]; frames: number };
    w.seen = [];
    w.frames = 0;
    new MutationObserver(() => {
      for (const p of document.querySelectorAll('progress')) w.seen.push(`${p.id} ${p.getAttribute('value')}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    const tick = () => {
      w.frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const framesBefore = await page.evaluate(() => (window as unknown as { frames: number }).frames);
  // 1 000 customers: 101 001 lines, 11 MB.
  const fec = bigFec(1000);
  await page.getByTestId('import-invoices').setInputFiles([{ name: '732829320FEC20251231.txt', mimeType: 'text/plain', buffer: Buffer.from(fec) }]);
  const portfolio = page.getByTestId('portfolio');
  await expect(portfolio.getByRole('heading', { level: 2 })).toHaveText('Portefeuille : 1000 débiteurs', { timeout: 60_000 });
  const rows = portfolio.getByTestId('portfolio-row');
  await expect(rows).toHaveCount(100);
  await expect(app.status).toContainText('1000 débiteurs importés : voir le portefeuille.');
  const { seen, frames } = await page.evaluate(() => {
    const w = window as unknown as { seen: string[]; frames: number };
    return { seen: w.seen, frames: w.frames };
  });

  // The reading said how far it was, in more than one step and never backwards, while the page
  // painted; the rows' computation too.
  const reading = seen.filter((s) => s.startsWith('import-progress ')).map((s) => Number(s.split(' ')[1]));
  expect(new Set(reading).size, seen.join(', ')).toBeGreaterThan(1);
  expect(reading, 'never backwards').toEqual([...reading].sort((a, b) => a - b));
  expect(reading.every((v) => v >= 0 && v <= 1000)).toBe(true);
  expect(frames - framesBefore, 'frames painted during the import').toBeGreaterThan(5);
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('portfolio-progress')).toHaveCount(0);

  // A hundred rows at a time; the CSV has them all.
  await axe(page, 'portfolio of 1 000 debtors, a hundred shown');
  await portfolio.getByRole('button', { name: 'Afficher 100 débiteurs de plus (900 non affichés)' }).click();
  await expect(rows).toHaveCount(200);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    portfolio.getByRole('button', { name: 'Exporter le portefeuille (CSV)' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf-8').trim().split('\r\n');
  expect(csv.length).toBe(3 + 1000);

  // The largest row opens its dossier, with the same total; removed, the next one comes first.
  const first = await rows.nth(0).locator('th button').textContent();
  const second = (await rows.nth(1).locator('th button').textContent()) ?? '';
  const total = (await rows.nth(0).locator('td strong').textContent()) ?? '';
  await rows.nth(0).locator('th button').click();
  await expect(app.totalDue).toHaveText(total);
  // An invoice changed in it: its row follows (computed again alone), still the largest.
  await app.openDossier();
  await page.locator('#f-invoices-0-amount').fill('99999');
  await expect(app.totalDue).not.toHaveText(total);
  const changed = (await app.totalDue.textContent()) ?? '';
  await expect(rows.nth(0).locator('td strong')).toHaveText(changed);
  await expect(rows.nth(0).locator('th button')).toHaveText(first ?? '');
  await expect(rows.nth(1).locator('th button')).toHaveText(second);
  await rows.nth(0).getByRole('button', { name: /^Retirer/ }).click();
  await expect(portfolio.getByRole('heading', { level: 2 })).toHaveText('Portefeuille : 999 débiteurs');
  await expect(rows.nth(0).locator('th button')).toHaveText(second);
  expect(first).not.toBe(second);

  // Kept in this browser (written in slices too): after a reload, the 999 debtors are back.
  await page.reload();
  await expect(portfolio.getByRole('heading', { level: 2 })).toHaveText('Portefeuille : 999 débiteurs');
  await expect(rows.nth(0).locator('th button')).toHaveText(second);

  // A storage that refuses the portfolio: said, with what to do; the page keeps it meanwhile.
  await page.evaluate(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'relance.v1.portfolio') throw new DOMException('quota', 'QuotaExceededError');
      set.call(this, key, value);
    };
  });
  await rows.nth(0).getByRole('button', { name: /^Retirer/ }).click();
  await expect(portfolio.getByRole('heading', { level: 2 })).toHaveText('Portefeuille : 998 débiteurs');
  await expect(page.getByText('Portefeuille non gardé dans ce navigateur (stockage plein ou désactivé)')).toContainText('importez de nouveau vos fichiers');
});
