// Ready for a static host (issue 6): dist/ works from a sub-path with the headers of
// deploy/_headers, every script and stylesheet carries a Subresource Integrity hash that the
// browser enforces, and the web app manifest makes the app installable.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test as plain, type Page } from '@playwright/test';
import { test, expect } from './guard';
import { RelancePage, appMarker, appStarted } from './pages/relance';
import { DIST, HEADERS, buildOf, headersFor, offlineReady, parseHeaders, serve } from './pwa';

const sri = (bytes: Buffer | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const INDEX = readFileSync(path.join(DIST, 'index.html'), 'utf-8');
const SW = readFileSync(path.join(DIST, 'sw.js'), 'utf-8');
/** The policy of the <meta> in index.html. */
const META_CSP = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(INDEX)?.[1] ?? '';

test('dist/ from /relance/ with deploy/_headers: computes, its worker is scoped to /relance/, works offline', async ({ page, context, guard }) => {
  test.setTimeout(60_000);
  const site = await serve(DIST, '/relance/', HEADERS);
  try {
    const app = new RelancePage(page);
    const [response] = await Promise.all([page.waitForResponse(site.url), app.goto(site.url)]);
    const headers = response.headers();
    expect(headers['content-security-policy']).toBe(`${META_CSP}; frame-ancestors 'none'`);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cache-control']).toBe('no-cache');

    await app.amount.fill('24000');
    await app.due.fill('2022-04-03');
    await app.asOf.fill('2026-11-22');
    await expect(app.totalDue).toHaveText('38 132,53 €');
    // The worker is registered for the sub-path only, and its cache holds the build.
    await offlineReady(page, SW, site.url);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(site.url);

    // Everything the server received: the page's seven files (before the load event, which the
    // guard checks), the quick start's two among them (crates/quick), then the worker's script and the build's files, each once (Sec-Fetch-Dest
    // "empty": the worker's fetch()); nothing else, nothing twice.
    const received = site.log.map((line) => line.split(' ').slice(0, 4).join(' '));
    const pageFiles = received.filter((line) => /( document| style| script)$/.test(line));
    expect(pageFiles.map((line) => line.split(' ')[1].replace(/-[0-9a-f]+(?=[._])/, '-H')).sort()).toEqual([
      '/relance/',
      '/relance/app-H.css',
      '/relance/relance-web-H.js',
      '/relance/relance-web-H_bg.wasm.js',
      '/relance/relance-web-quick-H.js',
      '/relance/relance-web-quick-H_bg.wasm.js',
      '/relance/boot.js?…',
    ].sort());
    const files = buildOf(SW).files.map(([file]) => `GET /relance/${file === './' ? '' : file} 200 empty`);
    expect(received.filter((line) => !pageFiles.includes(line)).sort()).toEqual(['GET /relance/sw.js 200 serviceworker', ...files].sort());
    expect(guard.worker).toHaveLength(1 + files.length);

    await context.setOffline(true);
    await page.reload();
    await appStarted(page);
    await expect(app.totalDue).toHaveText('38 132,53 €'); // the form came back from localStorage
  } finally {
    await context.setOffline(false);
    await site.close();
  }
});

test('deploy/_headers: one Cache-Control per file, the page policy on the page, a worker policy on sw.js', async () => {
  const rules = parseHeaders(readFileSync(HEADERS, 'utf-8'));
  const names = readdirSync(DIST);
  for (const prefix of ['/', '/relance/']) {
    for (const name of names) {
      const headers = headersFor(rules, prefix, prefix + (name === 'index.html' ? '' : name));
      const hashed = /^(relance-web|relance-web-quick|app)-[0-9a-f]+[._]/.test(name); // Trunk writes the hash without leading zeros
      expect(headers['cache-control'], name).toBe(hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      expect(headers['x-content-type-options'], name).toBe('nosniff');
      const policy = headers['content-security-policy'];
      if (name === 'index.html') expect(policy).toBe(`${META_CSP}; frame-ancestors 'none'`);
      else if (name === 'sw.js') expect(policy).toBe("default-src 'none'; connect-src 'self'");
      else expect(policy, name).toBeUndefined();
    }
    expect(headersFor(rules, prefix, `${prefix}index.html`)['content-security-policy']).toBe(`${META_CSP}; frame-ancestors 'none'`);
  }
  // The nginx sample says the same.
  const nginx = readFileSync(path.join(path.dirname(HEADERS), 'nginx.conf'), 'utf-8');
  expect(nginx).toContain(`add_header Content-Security-Policy "${META_CSP}; frame-ancestors 'none'" always;`);
  expect(nginx).toContain(`add_header Content-Security-Policy "default-src 'none'; connect-src 'self'" always;`);
});

/** Every script and stylesheet of the page: its URL and integrity attribute. */
async function loaded(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script, link[rel="stylesheet"]')].map((e) => ({
      url: e instanceof HTMLScriptElement ? e.src : e.href,
      integrity: e.getAttribute('integrity'),
      crossorigin: e.getAttribute('crossorigin'),
    })),
  );
}

test('every script and stylesheet has the SHA-384 of the bytes served, and the worker checks the same', async ({ page }) => {
  await new RelancePage(page).goto();
  const found = await loaded(page);
  expect(found.map((f) => path.basename(new URL(f.url).pathname)).sort()).toEqual(
    ['boot.js', ...readdirSync(DIST).filter((n) => /^relance-web-.*\.js$|^app-.*\.css$/.test(n))].sort(),
  );
  for (const { url, integrity, crossorigin } of found) {
    const file = path.join(DIST, new URL(url).pathname);
    expect(integrity, url).toBe(sri(readFileSync(file)));
    expect(crossorigin, 'same origin: no crossorigin attribute needed').toBeNull();
  }
  // sw.js lists every file of dist/ but itself, with the same hashes.
  const listed = new Map(buildOf(SW).files);
  expect([...listed.keys()].sort()).toEqual(readdirSync(DIST).filter((n) => n !== 'sw.js').map((n) => (n === 'index.html' ? './' : n)).sort());
  for (const [file, hash] of listed) expect(hash, file).toBe(sri(readFileSync(path.join(DIST, file === './' ? 'index.html' : file))));
});

test('the stylesheet served, without its comments and blanks, is the same stylesheet for the browser', async ({ page }) => {
  await new RelancePage(page).goto();
  const served = readdirSync(DIST).find((n) => /^app-.*\.css$/.test(n)) ?? '';
  const source = readFileSync(path.join(DIST, '..', 'styles', 'app.css'), 'utf-8');
  const minified = readFileSync(path.join(DIST, served), 'utf-8');
  expect(minified.length).toBeLessThan(source.length * 0.85);
  const rules = (css: string) =>
    page.evaluate((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return [...sheet.cssRules].map((r) => r.cssText);
    }, css);
  const fromSource = await rules(source);
  expect(fromSource.length).toBeGreaterThan(100);
  expect(await rules(minified)).toEqual(fromSource);
});

for (const target of ['_bg.wasm.js', 'bindings']) {
  plain(`a tampered ${target === 'bindings' ? 'wasm-bindgen module' : 'WebAssembly module'} is refused and the page says so`, async ({ page, context }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const match = (url: URL) => (target === 'bindings' ? /\/relance-web-[0-9a-f]+\.js$/ : /\/relance-web-[0-9a-f]+_bg\.wasm\.js$/).test(url.pathname);
    await context.route(match, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('export', 'export /* altered */');
      await route.fulfill({ response, body });
    });
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText("Relance n'a pas pu démarrer : un fichier de l'application est incomplet ou a été modifié.");
    await expect(appMarker(page)).toHaveCount(0);
    // The quick start's own module was not altered: it stays, says the rest will not come,
    // and computes.
    const app = new RelancePage(page);
    await expect(app.quickStart.getByRole('status')).toHaveText("Le reste de Relance n'a pas pu se charger : seul ce calcul rapide est disponible.");
    await app.amount.fill('1500');
    await app.due.fill('01/03/2026');
    await expect(app.totalDue).toHaveText(/\d,\d\d €$/);
    expect(errors.some((e) => e.includes("Failed to find a valid digest in the 'integrity' attribute"))).toBe(true);
    // No worker was registered: the app did not start.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
  });
}

plain('a tampered boot.js is refused: the app does not start', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await context.route(/\/boot\.js/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n// altered\n` });
  });
  await page.goto('/');
  await page.waitForTimeout(1000);
  await expect(appMarker(page)).toHaveCount(0);
  expect(errors.some((e) => e.includes("Failed to find a valid digest in the 'integrity' attribute") && e.includes('boot.js'))).toBe(true);
});

// The quick start's module (crates/quick) is the first requested; refused, the app still starts.
plain('a tampered quick-start module is refused: the app starts without it', async ({ page, context }) => {
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await context.route(/\/relance-web-quick-[0-9a-f]+_bg\.wasm\.js$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('export', 'export /* altered */');
    await route.fulfill({ response, body });
  });
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('24000');
  await app.due.fill('03/04/2022');
  await app.asOf.fill('22/11/2026');
  await expect(app.totalDue).toHaveText('38 132,53 €');
  expect(errors.some((e) => e.includes("Failed to find a valid digest in the 'integrity' attribute") && e.includes('relance-web-quick-'))).toBe(true);
  expect(warnings.some((w) => w.includes('Relance : calcul rapide indisponible.'))).toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

// The browser reads the manifest only when asked (here by the test, through the DevTools
// protocol), so this test is not under the guard's "nothing after the load event".
plain('the manifest makes the app installable: name, scope, icons', async ({ page }) => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf-8'));
  expect(manifest).toMatchObject({
    name: 'Relance — pénalités de retard',
    short_name: 'Relance',
    lang: 'fr',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#0b5cad',
    background_color: '#ffffff',
  });
  for (const icon of manifest.icons as { src: string; sizes: string; purpose: string }[]) {
    const png = readFileSync(path.join(DIST, icon.src));
    expect(png.subarray(1, 4).toString(), icon.src).toBe('PNG');
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  await new RelancePage(page).goto();
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', 'manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /^data:image\/png;base64,/);
  const cdp = await page.context().newCDPSession(page);
  const read = await cdp.send('Page.getAppManifest');
  expect(read.errors).toEqual([]);
  expect(read.url).toBe(new URL('manifest.webmanifest', page.url()).href);
  // Playwright's contexts are incognito profiles, where Chromium installs nothing; that aside,
  // nothing stands in the way (manifest, icons, service worker, https or 127.0.0.1).
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
});
