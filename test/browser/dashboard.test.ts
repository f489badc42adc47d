import { test } from 'node:test';
import { browserSuite } from '../support/browserSuite.ts';
import { driver } from '../support/driver.ts';

// The programme manager's dashboard, walked through in one page from test to test.
const suite = browserSuite();
const { given, when, then } = driver(suite);
const BIJSTAND = 'Huishoudens met een bijstandsuitkering';

test('the dashboard lists every target of Sterk voor Noord with baseline, targets, plan text and status in words', async () => {
  given.programme('sterk-voor-noord');
  await when.userOpensDashboard();
  await then.heading('Sterk voor Noord');
  await then.rowReads(BIJSTAND, 'Prinsenhof hoog', /17,0% \(2020\)/, '11,5%', '6% LV');
  // Only the baseline is loaded for this row so far: the status says so in words.
  await then.rowStatus(BIJSTAND, 'Prinsenhof hoog', 'onvoldoende gegevens');
  // Six result rows in the plan → six indicator tables.
  await then.scorecardCount(6);
});

test('the dashboard map is shaded and has a legend and the programme area outline', async () => {
  await then.mapIsShadedWithLegendAndOutline(/^Kaart: Huishoudens met een bijstandsuitkering per buurt/);
});

test('the horizon choice is in the URL and changes the status column', async () => {
  await when.userChoosesHorizon(20);
  await then.statusColumnFor(20);
  await when.userGoesBack();
  await then.statusColumnFor(10);
});

test('the dashboard has no axe-core violations', async () => {
  await then.mapIsShadedWithLegendAndOutline(/^Kaart:/);
  await then.noAccessibilityViolations('dashboard');
  await then.noConsoleErrors();
});
