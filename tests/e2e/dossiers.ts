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

/**
 * An FEC of `customers` customers (the shape of `relance_import::sample::fec`, 33 invoices each): a header, then
 * per customer 33 invoices, each a sales entry of three lines (411 debit, 706 and 44571
 * credits), and a bank entry of two lines paying its first invoice, lettered with it. 2 000
 * customers make 202 001 lines.
 */
export function bigFec(customers: number): string {
  const invoices = 33;
  const lines = [
    'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise',
  ];
  const two = (n: number) => String(n).padStart(2, '0');
  let entry = 0;
  for (let c = 0; c < customers; c++) {
    const aux = `C${String(c).padStart(5, '0')}`;
    const name = `Client ${c}`;
    let paid = 0;
    for (let i = 0; i < invoices; i++) {
      entry++;
      const day = `2025${two(1 + ((c + i) % 12))}${two(1 + ((c * 7 + i) % 28))}`;
      const piece = `FA-${c}-${i}`;
      const ht = 100 + ((c * 31 + i * 17) % 5000);
      const tva = Math.floor(ht / 5);
      const letter = i === 0 ? 'AA' : '';
      if (i === 0) paid = ht + tva;
      for (const [account, label, a, n, debit, credit, l] of [
        ['411000', 'Clients', aux, name, ht + tva, 0, letter],
        ['706000', 'Prestations', '', '', 0, ht, ''],
        ['445710', 'TVA collectée', '', '', 0, tva, ''],
      ]) {
        lines.push(`VT\tVentes\t${entry}\t${day}\t${account}\t${label}\t${a}\t${n}\t${piece}\t${day}\tFacture ${piece}\t${debit},00\t${credit},00\t${l}\t\t${day}\t\t`);
      }
    }
    entry++;
    for (const [account, label, a, n, debit, credit] of [
      ['512000', 'Banque', '', '', paid, 0],
      ['411000', 'Clients', aux, name, 0, paid],
    ]) {
      lines.push(`BQ\tBanque\t${entry}\t20251115\t${account}\t${label}\t${a}\t${n}\tVIR-${c}\t20251115\tVirement\t${debit},00\t${credit},00\tAA\t\t20251115\t\t`);
    }
  }
  return `${lines.join('\n')}\n`;
}
