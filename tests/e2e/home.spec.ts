// The home page: it loads under the strict CSP, asks for an invoice,
// passes axe's WCAG 2.1 A/AA rules and stays on 127.0.0.1.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as plain } from '@playwright/test';
import { test, expect, watch } from './guard';
import { TITLE, appMarker, appStarted } from './pages/relance';

test('loads the page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(TITLE);
  await appStarted(page);
  // Nothing takes the focus when the page opens (the keyboard starts at the top of the page).
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.screenshot({ path: path.join(import.meta.dirname, 'artifacts', 'home.png'), fullPage: true });
});

// index.html paints the title, the tagline and a loading line at once; the 290 KiB module that
// holds the WebAssembly comes after (src/boot.js), and the load event waits for it.
test('shows the title before the WebAssembly arrives, and the load event waits for it', async ({ page, context }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route((url) => url.pathname.endsWith('_bg.wasm.js'), async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByText("Ce qu'une facture impayée coûte au débiteur, au centime.")).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Chargement du calculateur…');
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'true');
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)).toBe(1);
  expect(await page.evaluate(() => document.readyState), 'no load event while the module is on its way').toBe('interactive');
  await expect(appMarker(page)).toHaveCount(0);

  release();
  await appStarted(page);
  await expect(page.getByText('Chargement du calculateur…')).toHaveCount(0);
  await expect(page.getByRole('main')).not.toHaveAttribute('aria-busy', /.*/);
  expect(await page.evaluate(() => document.readyState)).toBe('complete');
});

// boot.js, not index.html, requests the module: a module script runs once the stylesheet is in,
// so the title can paint while the module downloads.
test('the WebAssembly module is requested by boot.js, after the stylesheet has arrived', async ({ page }) => {
  await page.goto('/');
  await appStarted(page);
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const named = (pattern: RegExp) => entries.find((e) => pattern.test(new URL(e.name).pathname));
    const css = named(/\/app-[0-9a-f]+\.css$/);
    const module = named(/_bg\.wasm\.js$/);
    return { css: css?.responseEnd, module: module?.startTime, initiator: module?.initiatorType };
  });
  expect(timing.css).toBeGreaterThan(0);
  expect(timing.module).toBeGreaterThanOrEqual(timing.css as number);
  expect(timing.initiator).toBe('script');
});

test('asks for an invoice before showing any total', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText("Saisissez le montant et l'échéance d'une facture")).toBeVisible();
  await expect(page.getByTestId('total-due')).toHaveCount(0);
});

test('has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await page.goto('/');
  await appStarted(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations).toEqual([]);
});

// Negative control: the guard must notice a request to another origin.
plain('the network guard records external requests', async ({ context, page }) => {
  const seen = await watch(context, page);
  await page.goto('about:blank');
  await page.evaluate(() => fetch('https://tracker.example.invalid/pixel').catch(() => null));
  expect(seen.external).toEqual(['https://tracker.example.invalid/pixel']);
});
