// Performance: a 200-invoice dossier (imported from a generated file) is recomputed on each
// keystroke, measured as `measure.ts` says until the totals change. Reported (annotation +
// console), never asserted: timings depend on the machine.
import { test, expect } from './guard';
import { bigDossier } from './dossiers';
import { RelancePage } from './pages/relance';
import { keystrokes, stats } from './measure';

const INVOICES = 200;

function summary(times: [number, number][]) {
  const frame = stats(times.map((t) => t[0]));
  const painted = stats(times.map((t) => t[1]));
  return `next frame ${frame}; painted ${painted} (${times.length} keystrokes)`;
}

test('keystroke to next frame with 200 invoices (reported)', async ({ page }, info) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.importFile('dossier-200.json', bigDossier(INVOICES, { payments: true }));
  await expect(app.status).toContainText(`Dossier importé : ${INVOICES} facture(s).`);
  await expect(app.totalDue).toBeVisible();
  await expect(app.invoice(INVOICES)).toBeAttached();

  // One invoice's amount (one row and the totals; the décompte of so many invoices follows
  // after the pause in typing) …
  const amounts = Array.from({ length: 20 }, (_, i) => `${5000 + i}`);
  const oneInvoice = await keystrokes(page, '#f-invoices-99-amount', '[data-testid=total-due]', amounts);
  // … and the calculation date (every invoice's figures change).
  const dates = Array.from({ length: 10 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`);
  const allInvoices = await keystrokes(page, '#f-as_of', '[data-testid=total-due]', dates);

  expect(oneInvoice.flat().every(Number.isFinite), 'every keystroke updated the totals').toBe(true);
  expect(allInvoices.flat().every(Number.isFinite), 'every keystroke updated the totals').toBe(true);
  const report = `${INVOICES} invoices — amount of one invoice: ${summary(oneInvoice)}; calculation date: ${summary(allInvoices)}`;
  console.log(`[perf] ${report}`);
  info.annotations.push({ type: 'performance', description: report });
});
