import { test } from 'node:test';
import { browserSuite } from '../support/browserSuite.ts';
import { driver } from '../support/driver.ts';

// A partner reads an area's profile; each test in a fresh page.
const suite = browserSuite();

test('a buurt profile compares the buurt with its wijk, gemeente and Nederland', async () => {
  const { when, then } = driver(suite);
  await when.userOpensProfileOf('BU19160200');
  await then.heading('Prinsenhof hoog');
  await then.comparisonReads(
    'Prinsenhof hoog',
    ['Indicator', 'Prinsenhof hoog', 'Prinsenhof', 'Leidschendam-Voorburg', 'Nederland'],
    'Aantal huishoudens',
    /2\.245 \(2024\).*2\.710 \(2024\).*37\.719 \(2024\)/,
  );
});

test('a target shows its status with a "hoe berekend" card', async () => {
  const { when, then } = driver(suite);
  await when.userOpensProfileOf('BU19160200');
  await when.userOpensHowCalculated('Huishoudens met een bijstandsuitkering');
  await then.howCalculatedReads(
    'Huishoudens met een bijstandsuitkering',
    /Basis ?17,0% \(2020\)/,
    /Streefwaarde|Doel gebruikt|Soort doel/,
  );
  await then.chartShown(/Verloop van Huishoudens met een bijstandsuitkering/);
});

test('an area is found by typing its name and chosen with the keyboard alone', async () => {
  const { when, then } = driver(suite);
  await when.userOpensProfileOf('BU19160200');
  await when.userSearchesArea('heuvel no', /De Heuvel noord/);
  await then.urlShows(/\/gebied\/BU19160602$/);
  await then.heading('De Heuvel noord');
  await when.userGoesBack();
  await then.heading('Prinsenhof hoog');
});

test('a code redrawn between vintages does not mix the old area into the series', async () => {
  const { when, then } = driver(suite);
  // BU19160600 was all of De Heuvel in 2017 and only De Heuvel zuid from 2020 on.
  await when.userOpensProfileOf('BU19160600');
  await then.textShown(/In indeling 2017 had code BU19160600 een andere begrenzing/);
});

test('the profile and the area index have no axe-core violations', async () => {
  const { when, then } = driver(suite);
  await when.userOpensProfileOf('BU19160200');
  await then.textShown(/vergeleken met/);
  await then.noAccessibilityViolations('profiel');
  await when.userOpensAreaIndex();
  await then.heading('Gebieden');
  await then.textShown('Prinsenhof hoog');
  await then.noAccessibilityViolations('gebieden');
  await then.noConsoleErrors();
});
