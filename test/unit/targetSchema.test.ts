import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionTargetSchema, newTargetSchema, targetKindIssues } from '../../schemas/targets.ts';
import { decisionIssues } from '../../server/programmes/targetDecision.ts';

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.path.join('.')).sort();

describe('one target schema: the per-kind rule, written once', () => {
  it('names what each kind needs', () => {
    assert.deepEqual(
      targetKindIssues({ soort: 'absoluut' }).map((i) => i.name),
      ['streefwaarde'],
    );
    assert.deepEqual(
      targetKindIssues({ soort: 'referentieniveau' }).map((i) => i.name),
      ['referentiegebied'],
    );
    assert.deepEqual(
      targetKindIssues({ soort: 'richting' }).map((i) => i.name),
      ['richting'],
    );
    assert.deepEqual(
      targetKindIssues({ soort: 'absoluut', streefwaarde: 1, streefjaar: 2020, basisjaar: 2020 }).map(
        (i) => i.name,
      ),
      ['streefjaar'],
    );
  });

  it('applies the same rule to the beheer input and to the definition file, each in its own words', () => {
    const beheer = newTargetSchema.safeParse({
      programmaId: 'sterk-voor-noord',
      indicatorId: 'x',
      gebiedscode: 'GM1916',
      horizon: 10,
      streefjaar: 2031,
      soort: 'richting',
    });
    assert.deepEqual(issuesOf(beheer), ['richting']);
    const file = definitionTargetSchema.safeParse({
      indicatorId: 'x',
      areaCode: 'GM1916',
      horizon: 10,
      kind: 'richting',
      baseline: { year: 2020, value: 1 },
      planText: 'afname',
    });
    assert.deepEqual(issuesOf(file), ['direction']);
  });

  it('asks a definition file for the plan’s number of a reference level, and beheer not', () => {
    const file = definitionTargetSchema.safeParse({
      indicatorId: 'x',
      areaCode: 'BU19160200',
      horizon: 20,
      kind: 'referentieniveau',
      referenceAreaCode: 'GM1916',
      baseline: { year: 2020, value: 17 },
      planText: '6% LV',
    });
    assert.deepEqual(issuesOf(file), ['targetValue']);
    const beheer = newTargetSchema.safeParse({
      programmaId: 'sterk-voor-noord',
      indicatorId: 'x',
      gebiedscode: 'BU19160200',
      horizon: 20,
      streefjaar: 2041,
      soort: 'referentieniveau',
      referentiegebied: 'GM1916',
    });
    assert.equal(beheer.success, true);
  });

  it('wants a council decision with both its reference and its date', () => {
    assert.deepEqual(
      targetKindIssues({
        soort: 'richting',
        richting: 'afname',
        besluitKenmerk: 'Raadsbesluit 2023/114',
      } as never).map((i) => i.name),
      ['besluitDatum'],
    );
  });
});

describe('a change of what a target demands rests on a council decision', () => {
  const before = {
    id: 1,
    programmaId: 'p',
    indicatorId: 'x',
    gebiedscode: 'GM1916',
    horizon: 10,
    streefjaar: 2031,
    soort: 'absoluut' as const,
    streefwaarde: 13.5,
    referentiegebied: null,
    richting: null,
    basisjaar: 2020,
    basiswaarde: 17,
    planTekst: '13,5%',
    toelichting: null,
    besluitKenmerk: 'Raadsbesluit 2021/001',
    besluitDatum: '2021-01-28',
    gewijzigd: '2026-12-01T00:00:00.000Z',
  };

  it('asks for it when the number, the kind or a year changes', () => {
    assert.deepEqual(
      decisionIssues(before, { streefwaarde: 12 }).map((i) => i.name),
      ['besluitKenmerk', 'besluitDatum'],
    );
    assert.equal(decisionIssues(before, { basisjaar: 2019 }).length, 2);
    assert.equal(decisionIssues(before, { soort: 'richting', richting: 'afname' }).length, 2);
  });

  it('is satisfied by a decision given with the change', () => {
    assert.deepEqual(
      decisionIssues(before, {
        streefwaarde: 12,
        besluitKenmerk: 'Raadsbesluit 2023/114',
        besluitDatum: '2023-06-12',
      }),
      [],
    );
  });

  it('does not ask for it for a text correction or a value that stays the same', () => {
    assert.deepEqual(decisionIssues(before, { toelichting: 'Tikfout', planTekst: '13,5 %' }), []);
    assert.deepEqual(decisionIssues(before, { streefwaarde: 13.5, horizon: 10 }), []);
  });
});
