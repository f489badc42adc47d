import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords.ts';
import {
  axeViolations,
  focusedElement,
  launchBrowser,
  openPage,
  saveScreenshot,
  startTestServer,
  type TestPage,
  type TestServer,
  waitForMapColoured,
} from '../support/browser.ts';

// The beheer screens as a programme manager uses them: a real server loaded with the shared CBS
// data and Sterk voor Noord, the built client, and Chromium clicking and typing.

const PASSWORD = 'een-lang-genoeg-wachtwoord';
const fixture = (name: string) => path.resolve(import.meta.dirname, '..', 'fixtures', 'beheer', name);
const BIJSTAND = 'Huishoudens met een bijstandsuitkering';

describe('beheer in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let tab: TestPage;
  let page: Page;

  before(async () => {
    server = await startTestServer({
      seed: async (db) => {
        await db
          .insertInto('users')
          .values([
            {
              username: 'anna',
              display_name: 'Anna de Vries',
              role: 'beheerder',
              password_hash: await hashPassword(PASSWORD),
            },
            {
              username: 'rob',
              display_name: 'Rob Redacteur',
              role: 'redacteur',
              password_hash: await hashPassword(PASSWORD),
            },
          ])
          .execute();
        // A recent value for Prinsenhof hoog, so its 10-year bijstand target has a status to change.
        await db
          .insertInto('observations')
          .values({
            indicator_id: 'bijstand_huishoudens_pct',
            area_code: 'BU19160200',
            vintage: 2022,
            period: '2023',
            year: 2023,
            value: 14,
            numerator: 300,
            denominator: 2143,
            source: 'test',
          })
          .execute();
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function freshPage() {
    await tab?.close();
    tab = await openPage(browser);
    page = tab.page;
  }

  async function logIn(username = 'anna') {
    await page.goto(`${server.url}/beheer`);
    await page.getByLabel('Gebruikersnaam').fill(username);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Ingelogd als').waitFor();
  }

  const beheerNav = () => page.getByRole('navigation', { name: 'Beheer' });

  it('logs in with the form', async () => {
    await freshPage();
    await page.goto(`${server.url}/beheer`);
    await page.getByRole('heading', { name: 'Inloggen voor beheer' }).waitFor();
    await saveScreenshot(page, 'beheer-inloggen');
    await logIn();
    assert.ok(await page.getByText('Anna de Vries').isVisible());
    assert.ok(await beheerNav().getByRole('link', { name: 'Gebruikers' }).isVisible());
    await saveScreenshot(page, 'beheer-ingelogd');
  });

  it('refuses a wrong password with an error summary and keeps the user out', async () => {
    await freshPage();
    await page.goto(`${server.url}/beheer`);
    await page.getByLabel('Gebruikersnaam').fill('anna');
    await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /gebruikersnaam of het wachtwoord is onjuist/);
    assert.equal(await page.getByText('Ingelogd als').count(), 0);
  });

  it('links each missing login field from the error summary', async () => {
    await freshPage();
    await page.goto(`${server.url}/beheer`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Vul uw wachtwoord in' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'login-wachtwoord');
    await saveScreenshot(page, 'beheer-inloggen-fouten');
  });

  it('uploads a CSV with errors and sees every bad row, with nothing saved', async () => {
    await freshPage();
    await logIn();
    await beheerNav().getByRole('link', { name: 'Cijfers inlezen' }).click();
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(fixture('cijfers_heuvel_fouten.csv'));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: /3 fouten gevonden/ }).waitFor();
    const rows = await page.locator('table.beheer-errors tbody tr').allInnerTexts();
    assert.equal(rows.length, 3);
    assert.match(rows[0]!, /^3\s+gebiedscode\s+Onbekende gebiedscode 'BU19169999'/);
    assert.match(rows[1]!, /^4\s+waarde\s+'zeventien' is geen getal/);
    assert.match(rows[2]!, /^5\s+—\s+Dubbele regel/);
    assert.equal(await page.getByRole('button', { name: 'Vastleggen' }).count(), 0);
    const imports = await server.db.selectFrom('imports').select('id').where('actor', '=', 'anna').execute();
    assert.equal(imports.length, 0);
    await saveScreenshot(page, 'beheer-upload-fouten');
  });

  it('uploads the fixed file, commits it and sees what is new', async () => {
    await freshPage();
    await logIn();
    await page.getByLabel('Bestand', { exact: true }).setInputFiles(fixture('cijfers_heuvel_goed.csv'));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: 'Het bestand is in orde' }).waitFor();
    await saveScreenshot(page, 'beheer-upload-voorbeeld');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByRole('heading', { name: /Vastgelegd \(import \d+\)/ }).waitFor();
    const counts = await page.locator('.beheer-done .beheer-counts').innerText();
    assert.match(counts, /Nieuw\s+2/);
    assert.match(counts, /Gecorrigeerd\s+0/);
    await saveScreenshot(page, 'beheer-upload-vastgelegd');
  });

  it('sees the uploaded value on the map and in its table', async () => {
    await freshPage();
    await page.goto(`${server.url}/kaart?indicator=bijstand_huishoudens_pct&periode=2023`);
    await waitForMapColoured(page);
    const row = page.locator('table.area-table tr', { hasText: 'De Heuvel noord' });
    await row.first().waitFor();
    assert.match(await row.first().innerText(), /17,0%/);
    await saveScreenshot(page, 'beheer-kaart-na-upload', { fullPage: false });
  });

  async function prinsenhofStatus(): Promise<string> {
    await page.goto(`${server.url}/`);
    const group = page
      .locator('table.scorecard')
      .filter({ has: page.locator('.scorecard__indicator', { hasText: new RegExp(`^${BIJSTAND}$`) }) });
    const row = group
      .locator('tbody tr')
      .filter({ has: page.getByRole('link', { name: 'Prinsenhof hoog', exact: true }) });
    await row.locator('.status').waitFor();
    return row.locator('.status').innerText();
  }

  it('edits a target and sees the status change on the dashboard', async () => {
    await freshPage();
    assert.match(await prinsenhofStatus(), /Op schema/);
    await logIn();
    await beheerNav().getByRole('link', { name: 'Streefwaarden' }).click();
    await page
      .getByRole('button', { name: `Wijzigen ${BIJSTAND}, Prinsenhof hoog (BU19160200), 2031` })
      .click();
    // The row's related series (issue 8 item 6) is in the same form, as the definition set it.
    const related = page.getByLabel('Verwante reeks (andere definitie)');
    assert.match(await related.locator('option:checked').innerText(), /ELAN/);
    await page.getByLabel('Streefwaarde', { exact: true }).fill('15');
    // A new number rests on a council decision: without one the form names the field.
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /raadsbesluit/);
    assert.equal(await page.getByLabel('Raadsbesluit (kenmerk)').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Raadsbesluit (kenmerk)').fill('Raadsbesluit 2023/114');
    await page.getByLabel('Datum van het raadsbesluit').fill('2023-06-12');
    await saveScreenshot(page, 'beheer-streefwaarde-bewerken');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(/De streefwaarde voor .* is opgeslagen/).waitFor();
    await page
      .getByRole('button', { name: `Geschiedenis ${BIJSTAND}, Prinsenhof hoog (BU19160200), 2031` })
      .click();
    const history = page.getByRole('table', { name: /versies, nieuwste eerst/ });
    await history.waitFor();
    assert.match(await history.innerText(), /Raadsbesluit 2023\/114, 12-06-2023/);
    await saveScreenshot(page, 'beheer-streefwaarde-historie');
    assert.match(await prinsenhofStatus(), /Behaald/);
    await saveScreenshot(page, 'beheer-dashboard-na-wijziging', { fullPage: false });
  });

  it('names a missing target value at its field, in Dutch', async () => {
    await freshPage();
    await logIn();
    await beheerNav().getByRole('link', { name: 'Streefwaarden' }).click();
    await page
      .getByRole('button', { name: `Wijzigen ${BIJSTAND}, Prinsenhof hoog (BU19160200), 2031` })
      .click();
    await page.getByLabel('Streefwaarde', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Een absolute streefwaarde heeft een getal nodig/);
    assert.equal(await page.getByLabel('Streefwaarde', { exact: true }).getAttribute('aria-invalid'), 'true');
    await saveScreenshot(page, 'beheer-streefwaarde-fout');
  });

  it('shows the change in the audit log and downloads it as CSV', async () => {
    await freshPage();
    await logIn();
    await beheerNav().getByRole('link', { name: 'Auditlog' }).click();
    const row = page.locator('table.beheer-audit tbody tr', { hasText: 'streefwaarde.wijzigen' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /streefwaarde: 11\.5 → 15/);
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Vanaf').fill(today);
    await page.getByLabel('Soort').selectOption({ label: 'Streefwaarden' });
    await page.locator('caption', { hasText: /^1 wijziging,/ }).waitFor();
    await saveScreenshot(page, 'beheer-audit');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    assert.match(csv, /streefwaarde\.wijzigen/);
  });

  it('rolls back an import from the imports list', async () => {
    await freshPage();
    await logIn();
    await beheerNav().getByRole('link', { name: 'Imports' }).click();
    const row = page.locator('tbody tr', { hasText: 'cijfers_heuvel_goed.csv' });
    await row.getByRole('button', { name: /Terugdraaien/ }).focus();
    await page.keyboard.press('Enter');
    // Focus moves to the confirmation that replaced the button, then to the message: never <body>.
    assert.match((await focusedElement(page)).name, /^Ja, draai import \d+ terug/);
    await page.keyboard.press('Enter');
    await page.getByText(/Import \d+ is teruggedraaid/).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'imports-melding');
    assert.match((await focusedElement(page)).name, /^Import \d+ is teruggedraaid/);
    // The message comes before the list has reloaded: wait for the row itself to change.
    await row.filter({ hasText: 'Teruggedraaid' }).waitFor();
    assert.match(await row.innerText(), /Teruggedraaid/);
    await saveScreenshot(page, 'beheer-imports');
  });

  it('lets a beheerder create a redacteur on the users page', async () => {
    await freshPage();
    await logIn();
    await beheerNav().getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByLabel('Gebruikersnaam').fill('bert');
    await page.getByLabel('Volledige naam').fill('Bert Jansen');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByText('Gebruiker bert is aangemaakt.').waitFor();
    // The list reloads after the message appears: wait for the new row rather than check at once.
    await page.getByRole('rowheader', { name: 'bert' }).waitFor();
    await saveScreenshot(page, 'beheer-gebruikers');
  });

  it('renames the programme and sees the new name on the dashboard', async () => {
    await freshPage();
    await logIn();
    await beheerNav().getByRole('link', { name: 'Streefwaarden' }).click();
    await page.getByRole('button', { name: 'Programma wijzigen' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Sterk voor Noord 2021–2041');
    await saveScreenshot(page, 'beheer-programma');
    await page.getByRole('button', { name: 'Programma opslaan' }).click();
    await page.getByText('Het programma is opgeslagen.').waitFor();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Sterk voor Noord 2021–2041' }).waitFor();
  });

  it('shows a redacteur no users page, and the API refuses it', async () => {
    await freshPage();
    await logIn('rob');
    assert.equal(await beheerNav().getByRole('link', { name: 'Gebruikers' }).count(), 0);
    const status = await page.evaluate(async () => (await fetch('/api/v1/beheer/gebruikers')).status);
    assert.equal(status, 403);
  });

  it('has no WCAG A/AA violations on the beheer pages', async () => {
    await freshPage();
    await page.goto(`${server.url}/beheer`);
    await page.getByRole('heading', { name: 'Inloggen voor beheer' }).waitFor();
    const found: string[] = [];
    const check = async (name: string) => {
      for (const v of await axeViolations(page))
        found.push(`${name}: ${v.id} ${v.help} ${v.nodes.join(', ')}`);
    };
    await check('inloggen');
    await logIn();
    for (const section of ['Cijfers inlezen', 'Imports', 'Streefwaarden', 'Gebruikers', 'Auditlog']) {
      await beheerNav().getByRole('link', { name: section }).click();
      await page.getByRole('heading', { level: 1, name: section }).waitFor();
      await page.waitForLoadState('networkidle');
      await check(section);
    }
    assert.deepEqual(found, []);
  });

  it('logs out and is refused afterwards', async () => {
    await freshPage();
    await logIn();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/beheer/imports')).status);
    assert.equal(status, 401);
    await page.goto(`${server.url}/beheer/imports`);
    await page.getByRole('heading', { name: 'Inloggen voor beheer' }).waitFor();
    await saveScreenshot(page, 'beheer-uitgelogd');
  });
});
