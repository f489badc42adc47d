// The pure rules of the council report: what changed since the previous vastgestelde one, and the
// newest figure a report uses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportBody } from '../../schemas/reports.ts';
import { newestData } from '../../server/reports/newestData.ts';
import { type ComparedReport, reportChanges } from '../../server/reports/reportChanges.ts';

type Voortgang = ReportBody['voortgang'];
type Target = Voortgang['streefwaarden'][number];
type Inspanning = ReportBody['plan']['inspanningen'][number];

const indicator = { id: 'bijstand', naam: 'Bijstand', eenheid: '%', decimalen: 1 };
const area = { code: 'BU1', naam: 'Prinsenhof hoog' };

function target(values: Record<string, number | null>, status: string, planStatus?: string): Target {
  const reading = (s: string) => ({ status: s, statusLabel: `label ${s}` });
  return {
    indicator,
    gebied: area,
    reeks: Object.entries(values).map(([periode, waarde]) => ({
      periode,
      jaar: Number(periode.slice(0, 4)),
      waarde,
      geheim: null,
    })),
    referentie: null,
    horizonnen: [
      {
        doel: { horizon: 10 },
        oordeel: { ...reading(status), planLezing: planStatus ? reading(planStatus) : null },
      },
    ],
  } as unknown as Target;
}

function inspanning(code: string, status: string | null, besteed: number | null = null): Inspanning {
  return {
    code,
    wat: `Actie ${code}`,
    laatsteVoortgang: status ? { periode: '2026-H1', status, toelichting: null } : null,
    besteedTotaal: besteed,
  } as unknown as Inspanning;
}

const report = (targets: Target[], steps: Inspanning[], volgen: unknown[] = []): ComparedReport => ({
  voortgang: { streefwaarden: targets, volgen } as unknown as Voortgang,
  plan: { inspanningen: steps } as unknown as ReportBody['plan'],
});

describe('reportChanges', () => {
  it('finds nothing between a report and itself', () => {
    const r = report([target({ 2021: 6.2, 2022: 6.0 }, 'op_schema')], [inspanning('1.1', 'loopt')]);
    assert.deepEqual(reportChanges(r, r), { waarden: [], statussen: [], inspanningen: [] });
  });

  it('lists a corrected figure, a new year and a figure that became secret', () => {
    const before = report([target({ 2020: 7, 2021: 6.2 }, 'op_schema')], []);
    const after = report([target({ 2020: null, 2021: 6.4, 2022: 6.0 }, 'op_schema')], []);
    assert.deepEqual(
      reportChanges(before, after).waarden.map((w) => `${w.periode}: ${w.van} → ${w.naar}`),
      ['2020: 7 → null', '2021: 6.2 → 6.4', '2022: null → 6'],
    );
  });

  it('lists both readings of a status change, the plan reading only when it moved', () => {
    const before = report([target({}, 'op_schema', 'op_schema')], []);
    const after = report([target({}, 'achter', 'op_schema')], []);
    const moved = reportChanges(before, after).statussen;
    assert.deepEqual(
      moved.map((s) => `${s.lezing} ${s.horizon}: ${s.van} → ${s.naar}`),
      ['referentie 10: op_schema → achter'],
    );
    const planOnly = reportChanges(before, report([target({}, 'op_schema', 'achter')], [])).statussen;
    assert.deepEqual(
      planOnly.map((s) => `${s.lezing}: ${s.vanLabel} → ${s.naarLabel}`),
      ['plan: label op_schema → label achter'],
    );
  });

  it('lists inspanningen with a new status, new spending, and ones added or removed', () => {
    const before = report(
      [],
      [inspanning('1.1', null), inspanning('1.2', 'loopt', 100), inspanning('1.3', 'loopt')],
    );
    const after = report(
      [],
      [inspanning('1.1', 'loopt'), inspanning('1.2', 'loopt', 250), inspanning('2.1', null)],
    );
    assert.deepEqual(
      reportChanges(before, after).inspanningen.map(
        (i) =>
          `${i.code} ${i.van?.status ?? '–'} → ${i.naar?.status ?? '–'} (${i.besteedVan} → ${i.besteedNaar})`,
      ),
      [
        '1.1 – → loopt (null → null)',
        '1.2 loopt → loopt (100 → 250)',
        '1.3 loopt → – (null → null)',
        '2.1 – → – (null → null)',
      ],
    );
  });

  it('compares the volgen rows by their first and latest figure', () => {
    const volg = (laatste: { jaar: number; waarde: number }) => ({
      indicator: { ...indicator, id: 'participatie' },
      label: 'Arbeidsparticipatie',
      verwant: null,
      gebieden: [{ gebied: { ...area, label: null }, eerste: { jaar: 2019, waarde: 58 }, laatste }],
    });
    const changes = reportChanges(
      report([], [], [volg({ jaar: 2022, waarde: 59 })]),
      report([], [], [volg({ jaar: 2023, waarde: 60 })]),
    ).waarden;
    assert.deepEqual(
      changes.map((w) => `${w.soort} ${w.indicator.naam} ${w.periode}: ${w.van} → ${w.naar}`),
      ['volgen Arbeidsparticipatie 2022: 59 → null', 'volgen Arbeidsparticipatie 2023: null → 60'],
    );
  });
});

describe('newestData', () => {
  it('takes the newest published figure of result rows, reference, related series and volgen', () => {
    const t = target({ 2019: 5, 2021: 6, 2024: null }, 'op_schema');
    const withRelated = { ...t, verwant: { punten: [{ jaar: 2022, waarde: 1 }] } } as unknown as Target;
    const voortgang = (volgen: unknown[]) =>
      ({ streefwaarden: [withRelated], volgen }) as unknown as Voortgang;
    assert.deepEqual(newestData(voortgang([])), { jaar: 2022, periode: '2022' });
    const volg = {
      gebieden: [{ laatste: null, wijk: null, gemeente: { jaar: 2023, waarde: 1 }, nederland: null }],
    };
    assert.deepEqual(newestData(voortgang([volg])), { jaar: 2023, periode: '2023' });
    assert.deepEqual(newestData({ streefwaarden: [], volgen: [] } as unknown as Voortgang), {
      jaar: null,
      periode: null,
    });
  });

  it('names the half year when the newest figure is one', () => {
    const t = target({ '2023-H1': 4, '2023-H2': 5 }, 'op_schema');
    assert.deepEqual(newestData({ streefwaarden: [t], volgen: [] } as unknown as Voortgang), {
      jaar: 2023,
      periode: '2023-H2',
    });
  });
});
