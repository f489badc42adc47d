import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import {
  axeViolations,
  focusedElement,
  launchBrowser,
  logInToBeheer,
  NARROW,
  openPage,
  saveScreenshot,
  sidewaysScroll,
  startTestServer,
  type TestPage,
  type TestServer,
  WIDE,
} from '../support/browser.ts';

// The plan's beheer forms as people use them: a beheerder adds an organisation, a partner account
// for it and an inspanning it leads; the partner logs in, sees only that inspanning and records
// its voortgang with the keyboard. Every page axe-clean and without sideways scroll at 320 px.

const PASSWORD = 'een-lang-genoeg-wachtwoord';

describe('plan beheer in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: TestPage | undefined;
  let page: Page;

  before(async () => {
    server = await startTestServer({
      seed: async (db) => {
        await db
          .insertInto('users')
          .values({
            username: 'anna',
            display_name: 'Anna de Vries',
            role: 'beheerder',
            password_hash: await hashPassword(PASSWORD),
          })
          .execute();
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await tab?.close();
    await browser?.close();
    await server?.close();
  });

  async function freshPage() {
    await tab?.close();
    tab = await openPage(browser);
    page = tab.page;
  }
  const nav = () => page.getByRole('navigation', { name: 'Beheer' });
  async function assertAccessible(label: string) {
    assert.deepEqual(await axeViolations(page), [], `${label}: axe`);
  }
  async function assertReflows(label: string) {
    await page.setViewportSize(NARROW);
    const { scrolls, culprits } = await sidewaysScroll(page);
    assert.equal(scrolls, false, `${label} scrolls sideways at 320 px: ${culprits.join(', ')}`);
  }

  it('a beheerder creates an organisation, a partner account for it and an inspanning it leads', async () => {
    await freshPage();
    await logInToBeheer(page, server, 'anna', PASSWORD);
    await nav().getByRole('link', { name: 'Organisaties' }).click();
    await page.getByRole('heading', { name: 'Nieuwe organisatie' }).waitFor();
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /Vul naam in/);
    await page.getByLabel('Naam', { exact: true }).fill('Buurtwerk Noord');
    await page.getByLabel('Gemeente').selectOption('GM1916');
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await page.getByText('Organisatie Buurtwerk Noord is aangemaakt.').waitFor();
    await assertAccessible('organisaties');
    await saveScreenshot(page, 'planbeheer-organisaties');
    await assertReflows('organisaties');
    await page.setViewportSize(WIDE);

    await nav().getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByLabel('Gebruikersnaam').fill('piet');
    await page.getByLabel('Volledige naam').fill('Piet Partner');
    await page.getByLabel('Rol', { exact: true }).selectOption('partner');
    await page.getByLabel('Organisatie').selectOption({ label: 'Buurtwerk Noord (GM1916)' });
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByText('Gebruiker piet is aangemaakt.').waitFor();
    await page.getByText('partner van Buurtwerk Noord').waitFor();

    await nav().getByRole('link', { name: 'Doelen en inspanningen' }).click();
    await page.getByLabel('Programma').selectOption('sterk-voor-noord');
    await page.getByRole('heading', { name: /Inspanningen \(\d+\)/ }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe inspanning' }).click();
    assert.equal((await focusedElement(page)).id, 'inspanning-nieuw-code', 'focus moves into the new form');
    const form = page.getByRole('form', { name: 'Nieuwe inspanning' });
    await form.getByLabel('Code').fill('9.1');
    await form.getByLabel('Wat', { exact: true }).fill('Buurtkamer Prinsenhof');
    await form.getByLabel('Start').fill('2026');
    await form.getByLabel('Einde').fill('2025');
    await form.getByLabel('Trekker').selectOption({ label: 'Buurtwerk Noord' });
    await form.getByRole('button', { name: 'Bedrag toevoegen' }).click();
    await form.getByLabel('Jaar 1').fill('2026');
    await form.getByLabel('Bedrag 1').fill('15.000');
    await form.getByLabel('Output (niet verplicht)').fill('bijeenkomsten');
    await form.getByLabel('Geplande output').fill('40');
    await form.getByRole('button', { name: 'Inspanning aanmaken' }).click();
    const refused = form.getByRole('alert');
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', /Het einde ligt vóór de start/);
    await saveScreenshot(page, 'planbeheer-inspanning-fout');
    await form.getByLabel('Einde').fill('');
    await form.getByRole('button', { name: 'Inspanning aanmaken' }).click();
    await page.getByText('Inspanning 9.1 is aangemaakt.').waitFor();
    assert.match(
      (await page.locator('.beheer-list li', { hasText: 'Buurtkamer Prinsenhof' }).textContent()) ?? '',
      /trekker Buurtwerk Noord · €\s15\.000/,
    );
    await assertAccessible('doelen en inspanningen');
    await saveScreenshot(page, 'planbeheer-plan');
    await assertReflows('doelen en inspanningen');
    await saveScreenshot(page, 'planbeheer-plan-320');
  });

  it('the partner sees only its own inspanning and records voortgang with the keyboard', async () => {
    await freshPage();
    await logInToBeheer(page, server, 'piet', PASSWORD);
    assert.deepEqual(await nav().getByRole('link').allInnerTexts(), ['Voortgang']);
    await page.getByRole('heading', { name: 'Voortgang per half jaar' }).waitFor();
    await page.getByLabel('Half jaar', { exact: true }).selectOption('2026-H2');
    await page.getByText(/U legt voortgang vast namens/).waitFor();
    const lines = page.locator('fieldset.voortgang-line');
    assert.equal(await lines.count(), 1);
    assert.match((await lines.first().locator('legend').textContent()) ?? '', /9\.1 Buurtkamer Prinsenhof/);

    await page.getByLabel('Status').focus();
    await page.keyboard.press('ArrowDown'); // niet gestart
    await page.keyboard.press('ArrowDown'); // loopt
    await page.keyboard.press('Tab');
    await page.keyboard.type('6.000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Twaalf bijeenkomsten, goed bezocht');
    await page.keyboard.press('Tab');
    assert.equal((await focusedElement(page)).name, 'Voortgang opslaan');
    await page.keyboard.press('Enter');
    await page.getByText('Vastgelegd voor 1 inspanning in 2e helft 2026.').waitFor();
    await page.getByText('Vastleggingen in dit half jaar (1)').waitFor();

    const rows = await server.db.selectFrom('voortgang').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 'loopt');
    assert.equal(rows[0]!.spent, 6000);
    assert.equal(rows[0]!.output_realised, 12);
    assert.equal(rows[0]!.recorded_by, 'piet');
    await assertAccessible('voortgang');
    await saveScreenshot(page, 'planbeheer-voortgang-partner');
    await assertReflows('voortgang');
    await saveScreenshot(page, 'planbeheer-voortgang-partner-320');
  });
});
