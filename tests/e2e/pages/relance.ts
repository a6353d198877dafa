// Page object of the Relance page: every selector the specs use lives here, by French label,
// role or data-testid, so a wording change is fixed in one place.
import { expect, type Locator, type Page } from '@playwright/test';

export const TITLE = 'Relance — calcul des pénalités de retard';

/** A control only the Yew app renders: index.html has the title and tagline before it starts. */
export function appMarker(page: Page): Locator {
  return page.getByRole('button', { name: 'Charger un exemple' });
}

/** The page's title is there and the app has started. */
export async function appStarted(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(appMarker(page)).toBeVisible();
}

/** The figures of the totals block, as displayed (French amounts). */
export interface Totals {
  due: string;
  principal: string;
  interest: string;
  indemnities: string;
  daily: string;
}

/** A French amount ("14 092,53 €") in cents, for sums in tests. */
export function cents(text: string): number {
  const digits = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  return Math.round(Number(digits) * 100);
}

export class RelancePage {
  constructor(readonly page: Page) {}

  /** Opens the app (the test server's root, or `url`) and waits until it has started. */
  async goto(url = '/') {
    await this.page.goto(url);
    await appStarted(this.page);
  }

  // Quick start.
  get quickStart(): Locator {
    return this.page.getByRole('region', { name: 'Calcul rapide' });
  }
  get amount(): Locator {
    return this.quickStart.getByLabel('Montant TTC de la facture (€)');
  }
  get terms(): Locator {
    return this.quickStart.getByLabel('Délai de paiement');
  }
  get issued(): Locator {
    return this.quickStart.getByLabel("Date d'émission");
  }
  get due(): Locator {
    return this.quickStart.getByLabel("Date d'échéance");
  }
  get asOf(): Locator {
    return this.quickStart.getByLabel('Calculer au');
  }
  /** The quick start filled for a private client: 1 500 € due 01/03/2026, computed on
   * 01/06/2026, no formal notice yet (0 € of interest). */
  async privateClientWithoutNotice() {
    await this.amount.fill('1500');
    await this.due.fill('01/03/2026');
    await this.debtor('particulier').check();
    await this.asOf.fill('01/06/2026');
  }
  debtor(kind: 'professionnel' | 'particulier' | 'public'): Locator {
    const names = {
      professionnel: 'un professionnel',
      particulier: 'un particulier (consommateur)',
      public: 'un acheteur public (État, collectivité, hôpital…)',
    };
    return this.quickStart.getByRole('radio', { name: names[kind] });
  }

  /** The French error message shown under the control `field` (via aria-describedby). */
  async errorOf(field: Locator): Promise<string> {
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
    if (!errorId) return '';
    return (await this.page.locator(`[id="${errorId}"]`).textContent()) ?? '';
  }

  // Full dossier.
  get dossier(): Locator {
    return this.page.locator('details.dossier');
  }
  async openDossier() {
    if (!(await this.dossier.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.dossier.locator('summary').click();
    }
    await expect(this.dossier).toHaveJSProperty('open', true);
  }
  /** A fieldset: `Créancier`, `Débiteur` (step « Parties »), `Facture 2`, `Paiement 1`, `Avoir 1`, `Options de calcul` (full dossier). */
  group(name: string): Locator {
    if (name === 'Créancier' || name === 'Débiteur') {
      return this.parties.getByRole('group', { name, exact: true });
    }
    return this.dossier.getByRole('group', { name, exact: true });
  }
  get parties(): Locator {
    return this.page.getByRole('region', { name: 'Parties', exact: true });
  }
  /** « Facture concernée » of a payment or credit-note row: a choice among the invoices. */
  concerned(row: Locator): Locator {
    return row.getByLabel('Facture concernée (n°)');
  }
  // Steps.
  get steps(): Locator {
    return this.page.getByRole('navigation', { name: 'Étapes' });
  }
  step(name: 'Montant' | 'Parties' | 'Stratégie' | 'Lettre'): Locator {
    return this.steps.getByRole('link', { name, exact: true });
  }
  get summaryTotal(): Locator {
    return this.page.getByTestId('summary-total');
  }
  get formErrors(): Locator {
    return this.page.getByTestId('form-errors');
  }
  get letterMissing(): Locator {
    return this.page.getByTestId('letter-missing');
  }
  invoice(n: number): Locator {
    return this.group(`Facture ${n}`);
  }
  payment(n: number): Locator {
    return this.group(`Paiement ${n}`);
  }
  creditNote(n: number): Locator {
    return this.group(`Avoir ${n}`);
  }
  /** Fills an invoice row; `terms` is the label of a payment-terms choice. */
  async fillInvoice(
    n: number,
    row: { number?: string; amount?: string; issued?: string; terms?: string; due?: string },
  ) {
    const g = this.invoice(n);
    if (row.number !== undefined) await g.getByLabel('N° de facture').fill(row.number);
    if (row.amount !== undefined) await g.getByLabel('Montant TTC (€)').fill(row.amount);
    if (row.terms !== undefined) await g.getByLabel('Délai de paiement').selectOption({ label: row.terms });
    if (row.issued !== undefined) await g.getByLabel("Date d'émission").fill(row.issued);
    if (row.due !== undefined) await g.getByLabel("Date d'échéance").fill(row.due);
    // A date is checked once the field is left, as a user leaves the row.
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  // Paste from a spreadsheet.
  async openPaste() {
    const zone = this.page.locator('details.paste');
    if (!(await zone.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await zone.locator('summary').click();
    }
    await expect(zone).toHaveJSProperty('open', true);
  }
  get pasteText(): Locator {
    return this.page.getByLabel('Lignes copiées depuis un tableur ou un fichier CSV');
  }
  get pasteFile(): Locator {
    return this.page.locator('#paste-file');
  }
  get pastePreview(): Locator {
    return this.page.getByRole('table', { name: /^Factures comprises/ });
  }
  get pasteRejected(): Locator {
    return this.page.getByRole('list', { name: /^Lignes refusées/ });
  }

  // Décompte and notices.
  get decompte(): Locator {
    return this.page.getByRole('region', { name: /^Décompte au / });
  }
  /** The period table of invoice `number`. */
  segments(number: string): Locator {
    return this.page.getByRole('table', { name: `Intérêts de retard de la facture ${number}, période par période` });
  }
  get notices(): Locator {
    return this.page.getByRole('region', { name: 'Remarques' }).getByRole('status');
  }

  // Totals.
  get totalDue(): Locator {
    return this.page.getByTestId('total-due');
  }
  get totalPrincipal(): Locator {
    return this.page.getByTestId('total-principal');
  }
  get totalInterest(): Locator {
    return this.page.getByTestId('total-interest');
  }
  get totalIndemnities(): Locator {
    return this.page.getByTestId('total-indemnities');
  }
  get dailyAccrual(): Locator {
    return this.page.getByTestId('daily-accrual');
  }

  /** The totals as displayed, whitespace normalised (no-break spaces become spaces). */
  async totals(): Promise<Totals> {
    const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    return {
      due: await text(this.totalDue),
      principal: await text(this.totalPrincipal),
      interest: await text(this.totalInterest),
      indemnities: await text(this.totalIndemnities),
      daily: await text(this.dailyAccrual),
    };
  }

  // Toolbar.
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
  get fileMenu(): Locator {
    return this.page.locator('details.file-menu');
  }
  /** Opens the « Fichiers » menu (exports, import, « Effacer mes données »). */
  async openFileMenu() {
    if (!(await this.fileMenu.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.fileMenu.locator('summary').click();
    }
    await expect(this.fileMenu).toHaveJSProperty('open', true);
  }
  /** A button of the « Fichiers » menu, the menu opened. */
  async fileAction(name: string): Promise<Locator> {
    await this.openFileMenu();
    return this.button(name);
  }
  /** Types the specification's check case in the quick start (total due 38 132,53 €). */
  async typeCheckCase() {
    await this.amount.fill('24000');
    await this.due.fill('2022-04-03');
    await this.debtor('professionnel').check();
    await this.asOf.fill('2026-11-22');
  }
  /** « Charger un exemple », confirmed in the page when something was typed. */
  async loadExample() {
    await this.button('Charger un exemple').click();
    const confirm = this.button("Oui, charger l'exemple");
    if (await confirm.isVisible()) await confirm.click();
    await expect(this.status).toContainText('Exemple chargé.');
  }
  get importInput(): Locator {
    return this.page.getByTestId('import-dossier');
  }
  /** Clicks an export button and returns the downloaded file's name and text. */
  async download(button: string): Promise<{ name: string; text: string; path: string }> {
    const control = await this.fileAction(button);
    const [download] = await Promise.all([this.page.waitForEvent('download'), control.click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf-8'), path };
  }
  async importFile(name: string, text: string, mimeType = 'application/json') {
    await this.importInput.setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf-8') });
  }
  /** "Effacer mes données", confirmed in the page. */
  async clearData() {
    await (await this.fileAction('Effacer mes données')).click();
    await this.button('Oui, tout effacer').click();
  }
  get status(): Locator {
    return this.page.locator('.toolbar-status');
  }
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  // Strategy.
  get strategy(): Locator {
    return this.page.getByRole('region', { name: 'Stratégie', exact: true });
  }
  /** Opens the analysis (it is computed only while open). */
  async openStrategy() {
    const open = this.strategy.getByRole('button', { name: 'Comparer les voies de recouvrement' });
    if (await open.isVisible()) await open.click();
    await expect(this.strategyTable).toBeVisible();
  }
  get strategyTable(): Locator {
    return this.page.getByTestId('strategy-table');
  }
  /** The table's rows, in the displayed (ranked) order. */
  get strategyRows(): Locator {
    return this.strategyTable.locator('tbody > tr');
  }
  strategyRow(code: string): Locator {
    return this.page.getByTestId(`strategy-row-${code}`);
  }
  /** The path codes of the table, top to bottom. */
  async strategyOrder(): Promise<string[]> {
    return this.strategyRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path') ?? ''));
  }
  get strategyChart(): Locator {
    return this.page.getByTestId('strategy-chart');
  }
  get timeline(): Locator {
    return this.page.getByTestId('timeline');
  }
  /** The input of assumption `id` (`fond.cost`, `global.hourly_rate`), its step group opened. */
  async assumption(id: string): Promise<Locator> {
    const step = id.split('.')[0];
    const group = this.strategy.locator(`details.assumption-group[data-step="${step}"]`);
    if ((await group.count()) > 0 && !(await group.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await group.locator('summary').click();
    }
    return this.page.locator(`[id="a-${id.replace('.', '-')}"]`);
  }

  // Letter.
  get letter(): Locator {
    return this.page.getByRole('region', { name: 'Lettre', exact: true });
  }
  /** A control of the letter step, by its label. */
  letterField(label: string): Locator {
    return this.letter.getByLabel(label, { exact: true });
  }
  letterKind(label: 'Relance amiable' | 'Mise en demeure' | "Proposition d'échéancier"): Locator {
    return this.letter.getByRole('radio', { name: label, exact: true });
  }
  get letterPreview(): Locator {
    return this.page.getByRole('article', { name: 'Aperçu de la lettre' });
  }
  get letterStatus(): Locator {
    return this.letter.locator('.letter-status');
  }
  /** Clicks a letter download button; returns the file's name and local path. */
  async downloadFile(button: string): Promise<{ name: string; path: string }> {
    const control = await this.fileAction(button);
    const [download] = await Promise.all([this.page.waitForEvent('download'), control.click()]);
    return { name: download.suggestedFilename(), path: await download.path() };
  }
}
