// Generated dossier files for the tests that import a large dossier (performance.spec.ts,
// strategy.spec.ts) and for `cargo xtask bench-web` (web.bench.ts).

/**
 * A dossier file of `n` invoices due between 2019 and 2026. With `payments`, the amounts have
 * cents and every fifth invoice has a 250 € payment a year after its due date; without, whole
 * euros and no payment. With `letter`, the parties' addresses and a signatory, so that the
 * letter is previewed (the invoices that seem prescribed kept knowingly).
 */
export function bigDossier(n: number, { payments = false, letter = false } = {}): string {
  const invoices = [];
  const paid = [];
  for (let i = 0; i < n; i++) {
    const year = 2019 + (i % 8);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const number = `F-${year}-${String(i + 1).padStart(3, '0')}`;
    const cents = payments ? String(i % 100).padStart(2, '0') : '00';
    invoices.push({ number, due: `${year}-${month}-${day}`, amount: `${1000 + ((i * 137) % 9000)}.${cents}` });
    if (payments && i % 5 === 0) paid.push({ date: `${year + 1}-${month}-${day}`, amount: '250.00', invoice: number });
  }
  const address = (text: string) => (letter ? { address: text } : {});
  return JSON.stringify({
    version: letter ? 3 : 1,
    as_of: '2026-11-22',
    creditor: { name: 'Atelier Numérique SARL', kind: 'company', ...address('12 rue des Lilas, 69003 Lyon') },
    debtor: { name: 'Boulangeries Martin SAS', kind: 'professional', ...address('4 place du Marché, 38000 Grenoble') },
    invoices,
    ...(payments ? { payments: paid } : {}),
    ...(letter ? { letter: { signatory: 'Camille Durand', keep_prescribed: true } } : {}),
  });
}
