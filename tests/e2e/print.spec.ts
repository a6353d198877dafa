// Printing: on A4 only the parties, the décompte, its totals and the notices; no control.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

test('the print view shows the décompte and no control', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.openDossier();
  await page.emulateMedia({ media: 'print' });

  for (const role of ['textbox', 'button', 'combobox', 'radio', 'checkbox'] as const) {
    const visible = await page.getByRole(role).evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null).length,
    );
    expect(visible, `visible ${role}s in print`).toBe(0);
  }
  await expect(app.decompte).toBeVisible();
  await expect(app.segments('F-2022-031')).toBeVisible();
  await expect(app.decompte.getByText('Créancier :')).toBeVisible();
  await expect(app.decompte.getByText('Boulangeries Martin SAS', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Remarques' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Calcul rapide' })).toBeHidden();

  const pdf = path.join(import.meta.dirname, 'artifacts', 'decompte.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, '-']).toString();
  const flat = text.replace(/[\s\u00a0\u202f]+/g, ' ');
  expect(flat).toContain('Décompte au 22/11/2026');
  expect(flat).toContain('Atelier Numérique SARL');
  expect(flat).toContain('38 132,53 €');
  expect(flat).not.toContain('Charger un exemple');
});
