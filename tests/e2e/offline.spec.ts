// Offline use and updates (issue 6): after one visit the service worker (src/sw.js, written into
// dist/ by the post_build hook) holds the build, so the page opens, computes and writes a letter
// with the network off; a new build is installed beside the running one, the page offers
// « Recharger », and only the user's click switches to it, after which the old cache is gone.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './guard';
import { RelancePage, appStarted } from './pages/relance';
import { DIST, HEADERS, buildOf, caches, offlineReady, serve } from './pwa';

const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');
const sri = (bytes: Buffer | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

test('after one visit the page works offline: reload, compute, download a PDF letter', async ({ page, context, baseURL }) => {
  test.setTimeout(60_000);
  const base = `${new URL(baseURL ?? '').origin}/`;
  const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf-8');
  const app = new RelancePage(page);
  await app.goto();
  // The first visit is not controlled by the worker: it installs in the background.
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  await offlineReady(page, sw, base);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const [navigation] = await Promise.all([page.waitForResponse(base), page.reload()]);
  expect(navigation.fromServiceWorker(), 'the page comes from the worker').toBe(true);
  await appStarted(page);

  await app.typeCheckCase();
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await expect(app.totalInterest).toHaveText('14 092,53 €');

  await app.letterField('Signataire').fill('Camille Durand');
  await app.letterField('Lieu (ville)').fill('Lyon');
  // A letter needs both parties' names and addresses, and the invoice's number.
  await app.openDossier();
  await app.invoice(1).getByLabel('N° de facture').fill('F-2022-014');
  await app.group('Créancier').getByLabel('Nom du créancier').fill('Atelier Numérique SARL');
  await app.group('Créancier').getByLabel('Adresse du créancier').fill('12 rue des Lilas, 69003 Lyon');
  await app.group('Débiteur').getByLabel('Nom du débiteur').fill('Boulangeries Martin SAS');
  await app.group('Débiteur').getByLabel('Adresse du débiteur').fill('4 place du Marché, 38000 Grenoble');
  await expect(page.getByTestId('letter-blanks')).toHaveCount(0);
  const pdf = await app.downloadFile('Télécharger le PDF');
  expect(pdf.name).toMatch(/\.pdf$/);
  const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf-8' }));
  for (const word of ['Mise en demeure', '38 132,53 €', '14 092,53 €', 'Camille Durand', 'L441-10', 'F-2022-014']) expect(text, word).toContain(word);
  // Still offline, and no banner: nothing new was installed.
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await expect(page.locator('.update-banner')).toHaveCount(0);
});

test('a new build: the page offers « Recharger », reloads only on the click, and the old cache goes', async ({ page, guard }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'relance-update-'));
  cpSync(DIST, dir, { recursive: true });
  const site = await serve(dir, '/relance/', HEADERS);
  try {
    const sw1 = readFileSync(path.join(dir, 'sw.js'), 'utf-8');
    const app = new RelancePage(page);
    await app.goto(site.url);
    await app.amount.fill('1 234,56');
    await offlineReady(page, sw1, site.url);

    // "A new build": another stylesheet (a new hashed name), so a new index.html and a new
    // sw.js, written the way the post_build hook writes them.
    const build = buildOf(sw1);
    const [oldCss] = build.files.find(([file]) => file.endsWith('.css')) ?? [''];
    const newCss = oldCss.replace(/-[0-9a-f]+\.css$/, '-0123456789abcdef.css');
    const css = `${readFileSync(path.join(dir, oldCss), 'utf-8')}\nbody { --relance-build: "v2"; }\n`;
    renameSync(path.join(dir, oldCss), path.join(dir, newCss));
    writeFileSync(path.join(dir, newCss), css);
    const oldHash = build.files.find(([file]) => file === oldCss)?.[1] ?? '';
    const html = readFileSync(path.join(dir, 'index.html'), 'utf-8').replace(`./${oldCss}`, `./${newCss}`).replace(oldHash, sri(css));
    expect(html).toContain(sri(css));
    writeFileSync(path.join(dir, 'index.html'), html);
    const files = build.files.map(([file, hash]): [string, string] =>
      file === './' ? [file, sri(html)] : file === oldCss ? [newCss, sri(css)] : [file, hash],
    );
    const version = '0000000000000002';
    const sw2 = sw1.replace(/^const BUILD = .*$/m, `const BUILD = ${JSON.stringify({ version, files })};`);
    writeFileSync(path.join(dir, 'sw.js'), sw2);

    // The next visit (here a reload) finds the new sw.js: installed, waiting, offered.
    await page.reload();
    await appStarted(page);
    const banner = page.getByRole('status').filter({ hasText: 'Une nouvelle version de Relance est prête.' });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: path.join(import.meta.dirname, 'artifacts', 'update-banner.png'), clip: { x: 0, y: 0, width: 1280, height: 240 } });
    await expect.poll(() => caches(page).then((found) => Object.keys(found).sort())).toEqual([`relance-${build.version}`, `relance-${version}`].sort());
    // Until the click, the page runs the old build and is not reloaded.
    await page.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(1);
    expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--relance-build'))).toBe('');
    const axe = await new AxeBuilder({ page }).include('.update-banner').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations).toEqual([]);

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Recharger' }).click()]);
    await appStarted(page);
    expect(await page.evaluate(() => (window as unknown as { stay?: number }).stay)).toBeUndefined();
    expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--relance-build'))).toBe('"v2"');
    await expect(page.locator('.update-banner')).toHaveCount(0);
    // The dossier (localStorage) survived the switch; the old build's cache did not.
    await expect(app.amount).toHaveValue('1 234,56');
    await offlineReady(page, sw2, site.url);
    // The worker fetched the new stylesheet once (the guard checks every worker request against
    // its build's list); the browser's update checks (GET sw.js) reach the server only.
    const got = guard.worker.map((line) => new URL(line.split(' ')[1]).pathname);
    expect(got.filter((p) => p === `/relance/${newCss}`)).toHaveLength(1);
    // (At least the first download and the one that found the new build; the browser may check again.)
    expect(site.log.filter((line) => line.startsWith('GET /relance/sw.js 200 serviceworker')).length).toBeGreaterThanOrEqual(2);
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
