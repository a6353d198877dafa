// Privacy (issue 3): no request after the page has loaded, and none ever to another origin.
// The page's Content-Security-Policy says connect-src 'none'; the app's WebAssembly arrives as a
// module script (see src/boot.js), so the page makes every request before its load event.
// The service worker (issue 6, src/sw.js) makes requests of its own: once per build, a GET of
// each file of the build, from the same origin, to keep them for offline use; nothing else, and
// never anything the user typed (guard.ts checks every worker request against its build's list).
//
// The session test checks every request of a session made of whatever the page offers today
// (example, fields, import, exports, print, reload): controls that do not exist yet are skipped,
// so the test grows with the app. The other tests are negative controls showing that the
// guard (guard.ts, which records every request of every test) and the CSP catch what they must.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test as plain, type ElementHandle, type Page } from '@playwright/test';
import { test, expect, watch, workerViolations, INERT } from './guard';
import { DIST, offlineReady, precacheUrls } from './pwa';
import { appStarted } from './pages/relance';

const SEED = path.join(import.meta.dirname, '../../crates/engine/tests/golden/seed.json');

/** What Resource Timing saw start, or still transfer, after the current document's load event. */
async function resourcesAfterLoad(page: Page): Promise<string[]> {
  return page.evaluate((inert) => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime >= navigation.loadEventStart || entry.responseEnd > navigation.loadEventStart)
      .map((entry) => entry.name)
      .filter((name) => !inert.includes(new URL(name).protocol));
  }, INERT);
}

/** Resources the DOM or the stylesheets point to on another origin (fonts, icons, images...). */
async function foreignReferences(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const refs: string[] = [];
    // Links (<a href>) are not requests until followed; everything below is loaded by itself.
    const selector = 'link[href], script[src], img[src], img[srcset], source[src], source[srcset], ' +
      'iframe[src], embed[src], object[data], video[src], video[poster], audio[src], image, use';
    for (const element of document.querySelectorAll(selector)) {
      for (const name of ['href', 'src', 'srcset', 'data', 'poster', 'xlink:href']) {
        const value = element.getAttribute(name);
        if (value) refs.push(...value.split(',').map((part) => part.trim().split(/\s+/)[0]));
      }
    }
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        for (const match of rule.cssText.matchAll(/url\(\s*["']?([^"')]+)/g)) refs.push(match[1]);
      }
    }
    for (const element of document.querySelectorAll<HTMLElement>('[style]')) {
      for (const match of element.style.cssText.matchAll(/url\(\s*["']?([^"')]+)/g)) refs.push(match[1]);
    }
    return refs
      .map((ref) => new URL(ref, document.baseURI))
      .filter((url) => !['blob:', 'data:'].includes(url.protocol) && url.origin !== location.origin)
      .map((url) => url.href);
  });
}

/** Types a plausible value into a form field, as a user would; false if it was skipped. */
async function typeInto(page: Page, field: ElementHandle): Promise<boolean> {
  const info = await field.evaluate((e) => ({
    connected: e.isConnected, // a re-render may have replaced it
    tag: e.nodeName.toLowerCase(),
    type: (e instanceof Element ? e.getAttribute('type') ?? 'text' : '').toLowerCase(),
    mode: e instanceof Element ? e.getAttribute('inputmode') ?? '' : '',
    placeholder: e instanceof Element ? e.getAttribute('placeholder') ?? '' : '',
    options: e instanceof HTMLSelectElement ? e.options.length : 0,
  }));
  const options = { timeout: 1000 };
  if (!info.connected) return false;
  if (info.tag === 'select') {
    if (info.options < 2) return false;
    await field.selectOption({ index: info.options - 1 }, options);
    return true;
  }
  if (info.tag === 'textarea') {
    await field.fill('F-2024-001\t04/03/2024\t03/04/2024\t1 200,00', options);
    return true;
  }
  switch (info.type) {
    case 'date':
      await field.fill('2024-01-31', options);
      return true;
    case 'number':
      await field.fill('1234.56', options);
      return true;
    case 'checkbox':
      await field.click(options);
      return true;
    case 'radio':
      await field.check(options);
      return true;
    case 'text':
    case 'search':
    case 'tel':
    case 'email': {
      const value = /JJ\/MM\/AAAA/i.test(info.placeholder)
        ? '31/01/2024'
        : ['decimal', 'numeric'].includes(info.mode)
          ? '1 234,56'
          : 'Dupont SARL';
      // Key by key, as a user types: the app recomputes on each keystroke.
      await field.fill('', options);
      await field.focus();
      await page.keyboard.type(value);
      return true;
    }
    default:
      return false; // file (below), hidden, buttons
  }
}

/** Uses every control the page offers now; returns what it did, for the report. */
async function session(page: Page): Promise<string[]> {
  const did: string[] = [];
  const example = page.getByRole('button', { name: /charger un exemple/i });
  if (await example.count()) {
    await example.first().click();
    did.push('example');
  }
  let typed = 0;
  // The fields present now; typing may add, replace or remove some (then skipped).
  const fields = await page.locator('input:visible, textarea:visible, select:visible').elementHandles();
  for (const field of fields.slice(0, 80)) {
    if (await typeInto(page, field).catch(() => false)) typed++;
  }
  if (typed) did.push(`${typed} fields`);
  const importer = page.getByTestId('import-dossier');
  if (await importer.count()) {
    await importer.setInputFiles({ name: 'seed.json', mimeType: 'application/json', buffer: readFileSync(SEED) });
    did.push('import');
  }
  for (const button of await page.getByRole('button', { name: /^(exporter|télécharger)/i }).all()) {
    const download = page.waitForEvent('download', { timeout: 5000 }).catch(() => null);
    await button.click({ timeout: 2000 }).catch(() => null);
    const file = await download;
    if (file) {
      await file.path(); // waits until the file is saved
      did.push(`download ${file.suggestedFilename()}`);
    }
  }
  // Print styles must not fetch anything either (e.g. a print-only background or font).
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await page.emulateMedia({ media: 'screen' });
  did.push('print media');
  return did;
}

test('a full session makes no request after the load event, and none to another origin', async ({
  page,
  guard,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const origin = new URL(baseURL ?? '').origin;
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));

  await page.goto('/'); // resolves at the load event
  await appStarted(page);
  const did = await session(page);
  // Anything on a timer (autosave, analytics, retries) gets a chance to show up.
  await page.waitForTimeout(1000);
  expect(await resourcesAfterLoad(page), 'resources loading after the load event (Resource Timing)').toEqual([]);
  expect(await foreignReferences(page), 'references to other origins').toEqual([]);

  // Meanwhile the service worker has downloaded the build once: its script, then each file
  // of its list, with GET, from this origin; nothing else.
  const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf-8');
  await offlineReady(page, sw, `${origin}/`);
  const files = precacheUrls(sw, `${origin}/`);
  expect(guard.worker.map((line) => line.split(' ').slice(0, 2).join(' ')).sort()).toEqual(
    [`GET ${origin}/sw.js`, ...files.map((url) => `GET ${url}`)].sort(),
  );
  const installed = guard.worker.length;

  // A reload (the dossier comes back from localStorage) loads the same files, and no more;
  // the worker answers them from its cache.
  const [navigation] = await Promise.all([page.waitForResponse(`${origin}/`), page.reload()]);
  expect(navigation.fromServiceWorker()).toBe(true);
  await appStarted(page);
  const field = page.locator('input[type="text"]:visible, input:not([type]):visible').first();
  if (await field.count()) await field.pressSequentially('1', { timeout: 2000 }).catch(() => null);
  await page.waitForTimeout(500);
  expect(await resourcesAfterLoad(page), 'resources loading after the load event, after the reload').toEqual([]);

  // What the session could do with today's page, and what it requested, for the log.
  console.log(`privacy session: ${did.join(', ')}; ${guard.all.length} requests`);
  const foreign = guard.all.filter((url) => !INERT.includes(new URL(url).protocol) && new URL(url).origin !== origin);
  expect(foreign, 'requests to another origin').toEqual([]);
  expect(guard.late, 'requests after the load event').toEqual([]);
  expect(sockets, 'WebSockets').toEqual([]);
  // The guard saw both loads, and the WebAssembly came as a module script, not a fetch.
  expect(guard.all.filter((url) => url === `${origin}/`)).toHaveLength(2);
  // The app's module once per load.
  expect(guard.all.filter((url) => /\/relance-web-[0-9a-f]+_bg\.wasm\.js$/.test(new URL(url).pathname))).toHaveLength(2);
  expect(guard.all.filter((url) => new URL(url).pathname.endsWith('.wasm'))).toEqual([]);
  // The worker made no request after its install: not during the reload, not since.
  expect(guard.worker.slice(installed), 'service-worker requests after the install').toEqual([]);
});

test('the Content-Security-Policy forbids connections and comes before any script', async ({ page }) => {
  await page.goto('/');
  const metas = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(metas).toHaveCount(1);
  const policy = (await metas.getAttribute('content')) ?? '';
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values] as const),
  );
  expect(directives.get('connect-src')).toEqual(["'none'"]);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('form-action')).toEqual(["'none'"]);
  // The manifest and the service worker: this origin only (what default-src and script-src allow).
  expect(directives.get('manifest-src')).toEqual(["'self'"]);
  expect(directives.get('worker-src')).toEqual(["'self'"]);
  expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
  expect(policy).not.toContain("'unsafe-inline'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).not.toMatch(/https?:|\*/);
  // A meta CSP only governs what follows it.
  const before = await page.evaluate(() => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return [...document.querySelectorAll('script, link, style')]
      .filter((e) => meta && meta.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING)
      .map((e) => e.outerHTML);
  });
  expect(before).toEqual([]);
  // No inline script at all.
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

// Negative control: the CSP blocks a same-origin fetch(), and the violation is a console error,
// so the guard fails any test whose page tries to connect.
plain('the CSP blocks fetch(), XHR and beacons from the page', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  await page.goto('/');
  await appStarted(page);
  requests.length = 0;
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const fetched = await fetch('/').then(
      () => 'loaded',
      (error: Error) => error.name,
    );
    const xhr = await new Promise<string>((resolve) => {
      const request = new XMLHttpRequest();
      request.onload = () => resolve('loaded');
      request.onerror = () => resolve('error');
      try {
        request.open('GET', '/');
        request.send();
      } catch (error) {
        resolve((error as Error).name);
      }
    });
    // sendBeacon() says it queued the beacon, then the browser refuses to send it.
    navigator.sendBeacon('/', 'x');
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { fetched, xhr, violations };
  });
  expect(outcome.fetched).toBe('TypeError');
  expect(outcome.xhr).toBe('error');
  expect(outcome.violations).toEqual(['connect-src', 'connect-src', 'connect-src']);
  expect(errors.filter((e) => e.includes(`directive: "connect-src 'none'"`))).toHaveLength(3);
  // A blocked fetch() shows up as a request that failed with `csp`; nothing reaches the server.
  expect(failed).toEqual(requests.map((url) => `${url} csp`));
});

// Negative control: the guard records a request made after the load event, and forgets the
// load event when a new document starts loading.
plain('the guard notices a request made after the load event', async ({ context, page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const seen = await watch(context, page);
  await page.goto('/');
  await appStarted(page);
  await page.reload();
  await appStarted(page);
  expect(seen.late).toEqual([]);
  await page.evaluate(() => {
    new Image().src = '/late-image.png'; // img-src 'self' allows it; 404 is fine here
  });
  await expect.poll(() => seen.late).toEqual([`${origin}/late-image.png`]);
  await expect.poll(() => resourcesAfterLoad(page)).toEqual([`${origin}/late-image.png`]);
});

// Negative control: the guard flags a service-worker request outside its build's list, and a
// request to a listed file that is not a GET.
plain('the guard notices a service-worker request that is not a GET of its files', async ({ context, page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const seen = await watch(context, page);
  await page.goto('/');
  await appStarted(page);
  await offlineReady(page, readFileSync(path.join(DIST, 'sw.js'), 'utf-8'), `${origin}/`);
  expect(await workerViolations(seen)).toEqual([]);
  const [worker] = context.serviceWorkers();
  await worker.evaluate(async () => {
    await fetch('/from-the-worker.txt').catch(() => null);
    await fetch('./boot.js', { method: 'POST', body: 'x' }).catch(() => null);
  });
  await expect
    .poll(() => workerViolations(seen))
    .toEqual([`GET ${origin}/from-the-worker.txt ${origin}/sw.js`, `POST ${origin}/boot.js ${origin}/sw.js`]);
});
