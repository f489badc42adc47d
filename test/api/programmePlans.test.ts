import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import type { DoelBody, InspanningBody, PlanBody } from '../../schemas/plan.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// The three programmes of the seeds, loaded from geodata/programmes/ at start-up, checked against
// counts taken from the seed texts by hand (seed 003, 000, 004).

const all = (doelen: DoelBody[]): DoelBody[] => doelen.flatMap((d) => [d, ...all(d.subdoelen)]);
const euro = (list: { bedrag: number }[]) => list.reduce((sum, line) => sum + line.bedrag, 0);

describe('The programmes of seeds 000, 003 and 004 with their doelen, inspanningen and budgets', () => {
  let t: TestApp;
  const plans = new Map<string, PlanBody>();
  before(async () => {
    t = await createTestApp();
    await bootstrap({
      db: t.db,
      config: { ...readConfig({}), sourceDataDir: undefined },
      logger: createLogger('silent'),
    });
    for (const id of ['sterk-voor-noord', 'social-impact-leiden', 'leidse-gelijke-kansen-aanpak']) {
      const res = await request(t.app).get(`/api/v1/programmas/${id}/plan`).expect(200);
      plans.set(id, res.body);
    }
  });
  after(() => t.destroy());

  it('loads all three on start-up, the Leiden ones in GM0546', async () => {
    const res = await request(t.app).get('/api/v1/programmas').expect(200);
    assert.deepEqual(
      res.body.programmas.map((p: { id: string; gemeente: string }) => `${p.id} ${p.gemeente}`).sort(),
      ['leidse-gelijke-kansen-aanpak GM0546', 'social-impact-leiden GM0546', 'sterk-voor-noord GM1916'],
    );
  });

  it('Sterk voor Noord: three doelen, eleven actions in three tables, thirteen existing activities', () => {
    const plan = plans.get('sterk-voor-noord')!;
    assert.deepEqual(
      plan.doelen.map((d) => d.titel),
      [
        'Meer wijkbewoners krijgen laagdrempelige financiële hulp',
        'Meer wijkbewoners beheersen de Nederlandse taal goed',
        'Meer wijkbewoners zijn aan het werk en/of doen actief mee aan de samenleving',
      ],
    );
    assert.equal(all(plan.doelen).length, 3);
    const acties = plan.inspanningen.filter((i) => i.soort === 'actie');
    assert.deepEqual(
      [1, 2, 3].map((doel) => acties.filter((i) => i.doelen.includes(String(doel))).length),
      [7, 2, 2],
    );
    assert.equal(plan.inspanningen.filter((i) => i.soort === 'bestaand').length, 13);
  });

  it('Sterk voor Noord: middelen exactly as written, € 1.150.000 in numbers', () => {
    const acties = plans.get('sterk-voor-noord')!.inspanningen.filter((i) => i.soort === 'actie');
    assert.deepEqual(
      acties.map((i) => i.middelen.tekst),
      [
        '10.000 euro',
        '30.000 euro per jaar',
        'Regulier',
        'Nader te bepalen (afhankelijk beschikbaarheid ruimte)',
        'Regulier (budget SHV)',
        '100.000 euro per jaar',
        '50.000 euro (Energie-transitie)',
        'Regulier',
        'Regulier',
        '190.000 euro per jaar',
        'Regulier',
      ],
    );
    // 10.000 + 4 × 30.000 + 4 × 100.000 + 50.000 + 3 × 190.000
    assert.equal(euro(acties.flatMap((i) => i.middelen.bedragen)), 1_150_000);
    const jongeren = acties.find((i) => i.wat === 'Aanbod voor jongeren in de schulden')!;
    assert.deepEqual(jongeren.output, { omschrijving: 'trajecten', gepland: 30, gerealiseerd: null });
    assert.deepEqual(
      jongeren.partners.map((p) => p.naam),
      ['Gemeente', 'Kredietbank Nederland'],
    );
  });

  it('Sterk voor Noord: periods as written and as half years, open where the plan says "Start 2023"', () => {
    const byCode = new Map(plans.get('sterk-voor-noord')!.inspanningen.map((i) => [i.code, i]));
    assert.deepEqual(byCode.get('1.3')!.wanneer, { tekst: 'Start 2023', start: '2023', eind: null });
    assert.deepEqual(byCode.get('3.1')!.wanneer, {
      tekst: 'September 2022 t/m 2024',
      start: '2022-H2',
      eind: '2024',
    });
  });

  it('Sterk voor Noord: partners are organisations shared across inspanningen (Woej and WOEJ are one)', () => {
    const plan = plans.get('sterk-voor-noord')!;
    const woej = plan.organisaties.filter((o) => o.naam.toLowerCase() === 'woej');
    assert.equal(woej.length, 1);
    const withWoej = plan.inspanningen.filter((i) => i.partners.some((p) => p.id === woej[0]!.id));
    assert.deepEqual(
      withWoej.map((i) => i.wat),
      [
        'Makkelijk vindbare financiële hulp',
        'Sociaal raadvrouw',
        'Formulierenhulp',
        'Sociaal intakegesprek',
        'WOEJ/S&W taalstages',
      ],
    );
  });

  it('Programma social impact: four strategic doelen, every subdoel 1.1a … 4d', () => {
    const plan = plans.get('social-impact-leiden')!;
    assert.deepEqual(
      plan.doelen.map((d) => `${d.code} ${d.titel}`),
      [
        '1 Vergroten gelijke kansen',
        '2 Voorkomen en verminderen van geldzorgen',
        '3 Betere fysieke en mentale gezondheid',
        '4 Verbeteren taalvaardigheden en digitale vaardigheden',
      ],
    );
    assert.deepEqual(
      plan.doelen[0]!.subdoelen.map((d) => d.code),
      ['1.1', '1.2'],
    );
    assert.deepEqual(
      plan.doelen[0]!.subdoelen.map((d) => d.subdoelen.length),
      [9, 3],
    );
    assert.deepEqual(
      plan.doelen.slice(1).map((d) => d.subdoelen.map((s) => s.code).join(' ')),
      ['2a 2b 2c 2d 2e 2f 2g', '3a 3b 3c 3d 3e 3f 3g', '4a1 4a2 4b 4c1 4c2 4d'],
    );
    assert.equal(all(plan.doelen).length, 4 + 2 + 12 + 7 + 7 + 6);
  });

  it('Programma social impact: the budget table per doel × year with its printed totals', () => {
    const plan = plans.get('social-impact-leiden')!;
    const begroting = plan.begroting.filter((l) => l.soort === 'begroting');
    const perLine = (label: string) => euro(begroting.filter((l) => l.omschrijving === label));
    assert.deepEqual(
      ['Gelijke Kansen', 'Geldzorgen', 'Fysieke/mentale gezondheid', 'Taal/digitaal', 'Organisatie'].map(
        perLine,
      ),
      [2_530_000, 1_516_198, 834_893, 25_000, 570_728],
    );
    assert.deepEqual(
      [2021, 2022, 2023].map((year) => euro(begroting.filter((l) => l.jaar === year))),
      [372_308, 3_210_603, 1_893_908],
    );
    assert.equal(euro(begroting), 5_476_819);
    assert.equal(plan.begroting.find((l) => l.omschrijving === 'Totaal 2021-2023')!.bedrag, 5_476_819);
    assert.deepEqual(plan.begrotingVerschillen, []);
    // € 4,7 mln programme budget + € 2,5 mln NPO = 7,2 mln
    const financiering = plan.begroting.filter((l) => l.soort === 'financiering');
    assert.deepEqual(
      financiering.map((l) => l.bedrag),
      [4_700_000, 2_500_000],
    );
    assert.equal(euro(financiering), 7_200_000);
    assert.deepEqual(
      begroting.filter((l) => l.doel !== null).map((l) => l.doel),
      ['1', '1', '1', '2', '2', '2', '3', '3', '3', '4', '4', '4'],
    );
  });

  it('Programma social impact: its monitoring rhythm, yearly on doelen and half-yearly on inspanningen', () => {
    const plan = plans.get('social-impact-leiden')!;
    assert.ok(plan.monitoring.includes('Jaarlijks op de effecten / bereiken doelen'));
    assert.ok(plan.monitoring.includes('Halfjaarlijks op voortgang inspanningen'));
  });

  it('Leidse Gelijke Kansen Aanpak: three actielijnen, nine actions, 27 inspanningen', () => {
    const plan = plans.get('leidse-gelijke-kansen-aanpak')!;
    assert.equal(plan.doelen.length, 3);
    assert.deepEqual(
      plan.doelen.map((d) => d.subdoelen.map((s) => s.code).join(' ')),
      ['1.1 1.2 1.3', '2.1 2.2 2.3', '3.1 3.2 3.3'],
    );
    const perAction = (code: string) => plan.inspanningen.filter((i) => i.doelen.includes(code)).length;
    assert.deepEqual(
      ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3'].map(perAction),
      [2, 2, 4, 3, 3, 4, 2, 3, 4],
    );
    const meidentop = plan.inspanningen.find((i) => i.code === '1.3A')!;
    assert.deepEqual(meidentop.wanneer, {
      tekst: 'Start Q4 2024 – eind Q1 2026',
      start: '2024-H2',
      eind: '2026-H1',
    });
    assert.equal(plan.inspanningen.find((i) => i.code === '2.1A')!.wanneer.eind, null);
  });

  it('Leidse Gelijke Kansen Aanpak: the financial overview as printed, its two totals that do not add up shown', () => {
    const plan = plans.get('leidse-gelijke-kansen-aanpak')!;
    const kosten = plan.begroting.filter((l) => l.omschrijving === 'Totale kosten');
    assert.deepEqual(
      kosten.map((l) => l.bedrag),
      [541_000, 678_000, 581_000],
    );
    assert.deepEqual(plan.begrotingVerschillen, [
      { jaar: 2024, gedrukt: 541_000, som: 595_000 },
      { jaar: 2026, gedrukt: 581_000, som: 527_000 },
    ]);
    const middelen = plan.begroting.filter((l) => l.soort === 'financiering');
    assert.equal(euro(middelen.filter((l) => l.jaar === 2024)), 800_000);
  });

  it('programmes without targets still have doelen, inspanningen and indicators to follow', async () => {
    for (const id of ['social-impact-leiden', 'leidse-gelijke-kansen-aanpak']) {
      const res = await request(t.app).get(`/api/v1/programmas/${id}`).expect(200);
      assert.equal(res.body.streefwaarden.length, 0);
      assert.ok(plans.get(id)!.inspanningen.length > 0);
      assert.ok(all(plans.get(id)!.doelen).some((d) => d.indicatoren.length > 0));
    }
  });

  it('no public answer names a person (the plans name a wethouder and ambassadeur; neither is carried)', () => {
    const text = JSON.stringify([...plans.values()]);
    for (const name of ['Veldhoven', 'Damen', 'Dirkse', 'Diender', 'Fahner'])
      assert.doesNotMatch(text, new RegExp(name));
  });

  it('loading again changes nothing: a plan in the database is never overwritten', async () => {
    await bootstrap({
      db: t.db,
      config: { ...readConfig({}), sourceDataDir: undefined },
      logger: createLogger('silent'),
    });
    const count = await t.db
      .selectFrom('inspanningen')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 24 + 17 + 27);
  });

  it('filters by partner and by area: a buurt finds the inspanningen of its programme area', async () => {
    const plan = plans.get('sterk-voor-noord')!;
    const kredietbank = plan.organisaties.find((o) => o.naam === 'Kredietbank Nederland')!;
    const res = await request(t.app)
      .get(`/api/v1/programmas/sterk-voor-noord/plan?partner=${kredietbank.id}`)
      .expect(200);
    assert.deepEqual(
      res.body.inspanningen.map((i: InspanningBody) => i.code),
      ['1.1', '1.2', '1.6'],
    );
    const buurt = await request(t.app)
      .get('/api/v1/programmas/sterk-voor-noord/plan?gebied=BU19160200')
      .expect(200);
    assert.equal(buurt.body.inspanningen.length, 24);
    const elsewhere = await request(t.app)
      .get('/api/v1/programmas/sterk-voor-noord/plan?gebied=GM1916')
      .expect(200);
    assert.equal(elsewhere.body.inspanningen.length, 0);
    const noord = await request(t.app)
      .get('/api/v1/programmas/social-impact-leiden/plan?gebied=WK054603')
      .expect(200);
    assert.ok(noord.body.inspanningen.some((i: InspanningBody) => i.code === '3a-1'));
    assert.ok(noord.body.inspanningen.some((i: InspanningBody) => i.gebieden.includes('GM0546')));
  });
});

describe('GET /gebieden/{code}/inspanningen: wat gebeurt er in mijn buurt', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await bootstrap({
      db: t.db,
      config: { ...readConfig({}), sourceDataDir: undefined },
      logger: createLogger('silent'),
    });
  });
  after(() => t.destroy());

  it('a buurt of Leidschendam-Noord gets the inspanningen of Sterk voor Noord, not those of Leiden', async () => {
    const res = await request(t.app).get('/api/v1/gebieden/BU19160200/inspanningen').expect(200);
    assert.deepEqual(
      res.body.programmas.map(
        (p: { id: string; inspanningen: unknown[] }) => `${p.id} ${p.inspanningen.length}`,
      ),
      ['sterk-voor-noord 24'],
    );
  });

  it('a wijk of Leiden gets the gemeente-wide inspanningen of both Leiden programmes and its own', async () => {
    const res = await request(t.app).get('/api/v1/gebieden/WK054603/inspanningen').expect(200);
    const ids = res.body.programmas.map((p: { id: string }) => p.id);
    assert.deepEqual(ids.sort(), ['leidse-gelijke-kansen-aanpak', 'social-impact-leiden']);
    const si = res.body.programmas.find((p: { id: string }) => p.id === 'social-impact-leiden');
    assert.ok(si.inspanningen.some((i: InspanningBody) => i.code === '3a-1'));
    const other = await request(t.app).get('/api/v1/gebieden/WK054600/inspanningen').expect(200);
    const si2 = other.body.programmas.find((p: { id: string }) => p.id === 'social-impact-leiden');
    assert.ok(!si2.inspanningen.some((i: InspanningBody) => i.code === '3a-1'));
  });

  it('an area outside every programme gets an empty list, a malformed code 400', async () => {
    const res = await request(t.app).get('/api/v1/gebieden/BU19161200/inspanningen').expect(200);
    assert.deepEqual(res.body.programmas, []);
    await request(t.app).get('/api/v1/gebieden/%20x/inspanningen').expect(400);
  });
});
