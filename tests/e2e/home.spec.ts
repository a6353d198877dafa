// The home page: it loads under the strict CSP, asks for an invoice,
// passes axe's WCAG 2.1 A/AA rules and stays on 127.0.0.1.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as plain } from '@playwright/test';
import { test, expect, watch } from './guard';

const TITLE = 'Relance — calcul des pénalités de retard';

test('loads the page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(TITLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await page.screenshot({ path: path.join(import.meta.dirname, 'artifacts', 'home.png'), fullPage: true });
});

test('asks for an invoice before showing any total', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText("Saisissez le montant et l'échéance d'une facture")).toBeVisible();
  await expect(page.getByTestId('total-due')).toHaveCount(0);
});

test('has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
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
