// Checks the specs share: axe on the WCAG 2.1 AA rules, and a PDF's text.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** No axe violation of WCAG 2.0 / 2.1 A and AA in the page as it is (`state` names it). */
export async function axe(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations, `axe violations (${state})`).toEqual([]);
}

/** pdftotext of a file, whitespace (no-break spaces included) collapsed to one ASCII space. */
export const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf-8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
