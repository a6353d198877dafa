// A first visit that works (issue 19): no silent error, no lost input, no letter with blanks,
// dates as people type them, steps reachable in one tap, on a phone and on a desktop.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './guard';
import { RelancePage } from './pages/relance';

async function axe(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations, `axe violations (${state})`).toEqual([]);
}

/** Two invoices F-1 and F-2 and a payment on F-2, computed on 22/11/2026. */
async function twoInvoicesAndAPayment(app: RelancePage) {
  await app.amount.fill('10000');
  await app.due.fill('31/01/2024');
  await app.asOf.fill('22/11/2026');
  await app.openDossier();
  await app.fillInvoice(1, { number: 'F-1' });
  await app.button('Ajouter une facture').click();
  await app.fillInvoice(2, { number: 'F-2', amount: '5000', due: '29/02/2024' });
  await app.button('Ajouter un paiement').click();
  await app.payment(1).getByLabel('Date du paiement').fill('30/06/2024');
  await app.payment(1).getByLabel('Montant payé (€)').fill('4000');
  await app.concerned(app.payment(1)).selectOption('F-2');
}

test('a row in error is said above the total, and nothing carries a wrong sum', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await twoInvoicesAndAPayment(app);
  const right = (await app.totalDue.textContent()) ?? '';
  await expect(app.formErrors).toHaveCount(0);
  await expect(page.getByTestId('total-partial')).toHaveCount(0);

  // The invoice number mistyped: the payment now names an invoice the dossier does not have.
  await app.fillInvoice(2, { number: 'F-22' });
  await expect(app.formErrors).toContainText('1 champ à corriger');
  await expect(app.formErrors).toContainText('Paiement 1, facture concernée : facture inconnue « F-2 »');
  // A payment left out: the total is too high, not merely partial, and it says it can be.
  await expect(page.getByTestId('total-partial')).toContainText('Total incomplet');
  await expect(page.getByTestId('total-partial')).toContainText('trop haut (un paiement ou un avoir laissé de côté)');
  await expect(app.totalDue).not.toHaveText(right);
  await expect(app.concerned(app.payment(1))).toHaveValue('F-2');
  await expect(app.concerned(app.payment(1)).locator('option:checked')).toHaveText('F-2 (facture inconnue)');

  // The exports that would carry the wrong sum wait, and say why.
  await app.openFileMenu();
  await expect(app.button('Exporter le décompte (CSV)')).toBeDisabled();
  await expect(app.button('Exporter le décompte (JSON)')).toBeDisabled();
  await expect(page.getByText("Corrigez d'abord les champs signalés")).toBeVisible();
  // So does the letter.
  await expect(app.letterMissing).toContainText('Des champs sont à corriger');
  await expect(app.button('Télécharger le PDF')).toBeDisabled();
  await axe(page, 'fields to correct');

  // The link goes to the field.
  await app.formErrors.getByRole('link').click();
  await expect(app.concerned(app.payment(1))).toBeFocused();
  await app.concerned(app.payment(1)).selectOption('F-22');
  await expect(app.formErrors).toHaveCount(0);
  await expect(app.totalDue).toHaveText(right);
  await expect(app.button('Exporter le décompte (CSV)')).toBeEnabled();

  // A party's e-mail in error changes no figure: the total is whole and the décompte exports,
  // only the letter waits.
  await app.group('Créancier').getByLabel('E-mail du créancier').fill('pas-un-courriel');
  await expect(app.formErrors).toContainText('Créancier, e-mail');
  await expect(page.getByTestId('total-partial')).toHaveCount(0);
  await expect(app.totalDue).toHaveText(right);
  await expect(app.button('Exporter le décompte (CSV)')).toBeEnabled();
  await expect(app.button('Télécharger le PDF')).toBeDisabled();
});

test('a letter lists what it still needs and waits for it', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.typeCheckCase();
  const missing = app.letterMissing;
  await expect(missing).toContainText("le nom de l'expéditeur (créancier)");
  await expect(missing).toContainText('le nom du destinataire (débiteur)');
  await expect(missing).toContainText('le nom du signataire');
  // One invoice: no row number to decode.
  await expect(missing).toContainText('le numéro de la facture.');
  for (const name of ['Télécharger le PDF', 'Télécharger le DOCX', 'Copier le texte']) {
    await expect(app.button(name)).toBeDisabled();
  }
  await missing.getByRole('link', { name: 'le numéro de la facture', exact: true }).click();
  await expect(app.invoice(1).getByLabel('N° de facture')).toBeFocused();
  await app.fillInvoice(1, { number: 'F-2022-014' });
  await expect(missing).not.toContainText('numéro de la facture');
  const parties = app.parties;
  await parties.getByLabel('Nom du créancier').fill('Atelier Numérique SARL');
  await parties.getByLabel('Adresse du créancier').fill('12 rue des Lilas, 69003 Lyon');
  await parties.getByLabel('Nom du débiteur').fill('Boulangeries Martin SAS');
  await parties.getByLabel('Adresse du débiteur').fill('4 place du Marché, 38000 Grenoble');
  await app.letterField('Signataire').fill('Camille Durand');
  await expect(missing).toHaveCount(0);
  await expect(app.button('Télécharger le PDF')).toBeEnabled();
});

test('« Charger un exemple » asks before replacing what was typed, and can be undone', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  // On an empty form it loads at once.
  await app.button('Charger un exemple').click();
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await expect(app.button('Revenir à ma saisie')).toHaveCount(0);

  await app.clearData();
  await app.amount.fill('1234,56');
  await app.button('Charger un exemple').click();
  await expect(page.getByText("Remplacer votre saisie par l'exemple ?")).toBeVisible();
  await axe(page, 'example confirmation');
  await app.button('Annuler').click();
  await expect(app.amount).toHaveValue('1234,56');

  await app.button('Charger un exemple').click();
  await app.button("Oui, charger l'exemple").click();
  await expect(app.totalDue).toHaveText('38 132,53 €');
  await app.button('Revenir à ma saisie').click();
  await expect(app.amount).toHaveValue('1234,56');
  await expect(app.status).toContainText('Votre saisie est revenue.');
  // The button clicked is gone: the focus is on « Charger un exemple », not lost.
  await expect(app.button('Charger un exemple')).toBeFocused();
});

test('dates as people type them: the slash comes by itself, checked on leaving the field', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.amount.fill('1000');
  await expect(app.due).toHaveAttribute('inputmode', 'numeric');
  await app.due.click();
  await page.keyboard.type('3103');
  await expect(app.due).toHaveValue('31/03/');
  // Not yet a date: no error while typing.
  expect(await app.errorOf(app.due)).toBe('');
  await page.keyboard.type('26');
  await expect(app.due).toHaveValue('31/03/26');
  // A keyboard with « / », « . » or « - »: the separator typed after the added slash is not
  // doubled; an ISO date typed key by key keeps its dashes.
  for (const [keys, value] of [
    ['31/03/26', '31/03/26'],
    ['31.03.2026', '31/03/2026'],
    ['31-03-2026', '31/03/2026'],
    ['2026-03-31', '2026-03-31'],
  ]) {
    await app.due.fill('');
    await page.keyboard.type(keys);
    await expect(app.due, keys).toHaveValue(value);
  }
  await app.asOf.fill('15.04.2026');
  await app.asOf.blur();
  expect(await app.errorOf(app.asOf)).toBe('');
  // Left in another spelling, a date is written out with its century; ISO stays as typed.
  await expect(app.asOf).toHaveValue('15/04/2026');
  await app.due.fill('31/03/26');
  await app.due.blur();
  await expect(app.due).toHaveValue('31/03/2026');
  await app.due.fill('2026-03-31');
  await app.due.blur();
  await expect(app.due).toHaveValue('2026-03-31');
  // 31/03/2026 to 15/04/2026: 15 days of penalties at 12,15 % on 1 000 € = 4,99 €.
  await expect(app.totalInterest).toHaveText('4,99 €');
  await app.due.fill('31-02-2026');
  expect(await app.errorOf(app.due)).toBe('');
  await app.due.blur();
  expect(await app.errorOf(app.due)).toBe('date invalide « 31-02-2026 »');
  // The browser's calendar, from the button beside the field: the date picked is written as
  // JJ/MM/AAAA, and the calendar opens on the date typed.
  const calendar = app.quickStart.getByRole('button', { name: 'Choisir dans un calendrier', description: "Date d'échéance" });
  await expect(calendar).toBeVisible();
  await calendar.click();
  const native = page.locator(`#${await app.due.getAttribute('id')}-calendar`);
  await app.due.fill('15/03/2026');
  await expect(native).toHaveValue('2026-03-15');
  await native.evaluate((input: HTMLInputElement) => {
    input.value = '2026-04-30';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(app.due).toHaveValue('30/04/2026');
  expect(await app.errorOf(app.due)).toBe('');
});

test('small ones: a new row says nothing, the letter delay has its own name, no amount placeholder on days', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.typeCheckCase();
  await app.openDossier();
  await app.button('Ajouter un paiement').click();
  await expect(app.payment(1).locator('.error')).toHaveCount(0);
  await expect(app.formErrors).toHaveCount(0);
  // « Délai de paiement » is the invoice's term (quick start, dossier rows), never the letter's delay.
  await expect(app.letter.getByLabel('Délai de paiement', { exact: true })).toHaveCount(0);
  const days = app.letterField('Délai accordé au débiteur (jours après réception)');
  await expect(days).toHaveAttribute('inputmode', 'numeric');
  expect(await days.getAttribute('placeholder')).toBeNull();
  // The décompte's « Fondement » cells are plain text, not the Stratégie's source badges.
  const basis = page.locator('td.basis').first();
  await expect(basis).toBeVisible();
  expect(await basis.evaluate((td) => getComputedStyle(td).display)).not.toBe('inline-block');
});

test('pasted invoices open the full dossier where the user sees it, so the next tap does not close it unseen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new RelancePage(page);
  await app.goto();
  await app.openPaste();
  await app.pasteText.fill('N° facture\tDate\tÉchéance\tMontant TTC\nF-101\t04/03/2022\t03/04/2022\t24 000,00\nF-103\t15/06/2022\t15/07/2022\t3 600,00');
  await app.button('Analyser').click();
  await app.button('Ajouter ces factures').click();
  const title = app.dossier.locator('summary');
  await expect(app.dossier).toHaveJSProperty('open', true);
  await expect(title).toBeFocused();
  await expect(title).toBeInViewport();
  await expect(app.invoice(2).getByLabel('N° de facture')).toHaveValue('F-103');
  // Adding a row inside the open dossier leaves the focus on the new row.
  await app.button('Ajouter une facture').click();
  await expect(app.invoice(3).getByLabel('N° de facture')).toBeFocused();
});

test('a private client: 0 € of interest is explained where the figure is', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.privateClientWithoutNotice();
  await expect(page.getByText('Mise en demeure déjà envoyée ?')).toBeVisible();
  await expect(app.totalInterest).toHaveText('0,00 €');
  await expect(page.getByTestId('why-zero')).toContainText('à partir de la mise en demeure');
  // A notice dated after the calculation date: still 0 €, and said so.
  await app.quickStart.getByLabel('Date de la mise en demeure').fill('15/06/2026');
  await expect(app.totalInterest).toHaveText('0,00 €');
  await expect(page.getByTestId('why-zero')).toContainText('datée du 15/06/2026, après la date du calcul');
  // A notice sent before the due date demands what was not yet due: no effect, and said so.
  await app.quickStart.getByLabel('Date de la mise en demeure').fill('20/02/2026');
  await expect(app.totalInterest).toHaveText('0,00 €');
  await expect(page.getByTestId('why-zero')).toContainText("la mise en demeure du 20/02/2026 précède l'échéance du 01/03/2026");
  await app.quickStart.getByLabel('Date de la mise en demeure').fill('01/04/2026');
  await expect(page.getByTestId('why-zero')).toHaveCount(0);
  await expect(app.totalInterest).not.toHaveText('0,00 €');
  // An invoice not yet due: no penalty yet, and said so.
  await app.debtor('professionnel').check();
  await app.due.fill('01/07/2026');
  await expect(app.totalInterest).toHaveText('0,00 €');
  await expect(page.getByTestId('why-zero')).toContainText('échéance le 01/07/2026, pas encore dépassée');
});

test('the décompte CSV is named after the debtor and the date', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  const csv = await app.download('Exporter le décompte (CSV)');
  expect(csv.name).toMatch(/^decompte-[a-z0-9-]+-2026-11-22\.csv$/);
  expect(csv.name).not.toBe('decompte-debiteur-2026-11-22.csv');
});

for (const [name, size, touch] of [
  ['phone', { width: 390, height: 844 }, true],
  ['desktop', { width: 1280, height: 900 }, false],
] as const) {
  test.describe(`${name} ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size, hasTouch: touch, isMobile: touch });

    test('the amount on the first screen, the total in view after typing, every step one tap away', async ({ page }) => {
      const app = new RelancePage(page);
      await app.goto();
      const box = await app.amount.boundingBox();
      expect(box, 'amount field').not.toBeNull();
      expect(box!.y + box!.height, 'amount field on the first screen').toBeLessThanOrEqual(size.height);
      if (touch) await app.amount.tap();
      await app.amount.fill('24000');
      await app.due.fill('03/04/2022');
      await app.asOf.fill('22/11/2026');
      await expect(app.summaryTotal).toHaveText('38 132,53 €');
      await expect(app.summaryTotal).toBeInViewport();
      // The four steps are seen at once, none hidden in a scrolling strip.
      for (const step of ['Montant', 'Parties', 'Stratégie', 'Lettre'] as const) {
        await expect(app.step(step), step).toBeInViewport({ ratio: 1 });
      }
      for (const [step, region] of [
        ['Parties', app.parties],
        ['Stratégie', app.strategy],
        ['Lettre', app.letter],
        ['Montant', app.quickStart],
      ] as const) {
        const link = app.step(step);
        if (touch) await link.tap();
        else await link.click();
        await expect(region, step).toBeInViewport();
        // The navigation says which step is in view.
        await expect(link, step).toHaveAttribute('aria-current', 'step');
        await expect(app.steps.locator('[aria-current]'), step).toHaveCount(1);
      }
      await axe(page, `${name}: steps`);
    });
  });
}

test.describe('a freelancer on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('from the amount to the PDF mise en demeure in a few taps', async ({ page }) => {
    const app = new RelancePage(page);
    await app.goto();
    await app.amount.tap();
    await app.amount.fill('2400');
    await app.due.fill('03/04/2026');
    await app.asOf.fill('01/12/2026');
    await expect(app.summaryTotal).toBeInViewport();
    await app.step('Parties').tap();
    await app.parties.getByLabel('Nom du créancier').fill('Camille Durand EI');
    await app.parties.getByLabel('Adresse du créancier').fill('12 rue des Lilas, 69003 Lyon');
    await app.parties.getByLabel('Nom du débiteur').fill('Boulangerie Martin SAS');
    await app.parties.getByLabel('Adresse du débiteur').fill('4 place du Marché, 38000 Grenoble');
    await page.getByRole('link', { name: 'Écrire la mise en demeure' }).tap();
    await expect(app.letter).toBeInViewport();
    await app.letterField('Signataire').fill('Camille Durand');
    await app.letterField('Lieu (ville)').fill('Lyon');
    // The quick start has no invoice number: the letter asks for it, and its link leads there.
    await app.letterMissing.getByRole('link', { name: 'le numéro de la facture', exact: true }).tap();
    const number = app.invoice(1).getByLabel('N° de facture');
    await expect(number).toBeFocused();
    await number.fill('F-2026-031');
    await expect(app.letterMissing).toHaveCount(0);
    const pdf = await app.downloadFile('Télécharger le PDF');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf-8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
    for (const word of ['Mise en demeure', 'Boulangerie Martin SAS', 'F-2026-031', 'Camille Durand']) expect(text, word).toContain(word);
  });
});

test('the « Fichiers » menu closes with Escape, and once a file is made', async ({ page }) => {
  const app = new RelancePage(page);
  await app.goto();
  await app.loadExample();
  await app.openFileMenu();
  await app.button('Exporter le dossier').focus();
  await page.keyboard.press('Escape');
  await expect(app.fileMenu).toHaveJSProperty('open', false);
  await expect(app.fileMenu.locator('summary')).toBeFocused();
  const download = page.waitForEvent('download');
  await (await app.fileAction('Exporter le décompte (CSV)')).click();
  expect((await download).suggestedFilename()).toMatch(/^decompte-.*\.csv$/);
  await expect(app.fileMenu).toHaveJSProperty('open', false);
  await expect(app.status).toContainText('créé');
});
