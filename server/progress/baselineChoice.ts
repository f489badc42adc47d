// Which baseline a target is judged from. Pure: no database, no Express.
import { nl } from './formatNl.ts';
import { periodLabel, periodYears } from './periodLength.ts';
import type { IndicatorRow, TargetRow } from './progressRows.ts';
import type { Series } from './series.ts';
import type { BaselineSummary, ValuePoint } from './types.ts';

export interface BaselineChoice {
  /** The value the engine compares with (for a count over a longer period: per year). */
  point: ValuePoint | null;
  summary: BaselineSummary | null;
  /** A line for the card (a period longer than a year), or null. */
  note: string | null;
}

/**
 * The plan's baseline when it gives year and value (the anchor its targets were set from, taken as
 * exact); otherwise the observation of the baseline year (or of the programme's start year), or the
 * next year with a disclosed value, as Open SDG does.
 */
export function chooseBaseline(
  target: TargetRow,
  programmeStartYear: number,
  series: Series,
  indicator: Pick<IndicatorRow, 'unit'>,
): BaselineChoice {
  if (
    target.baseline_source !== 'waarnemingen' &&
    target.baseline_year != null &&
    target.baseline_value != null
  ) {
    const period = baselinePeriod(target, indicator);
    const value = period?.perYear ?? target.baseline_value;
    return {
      point: { year: target.baseline_year, value },
      summary: {
        year: target.baseline_year,
        value: target.baseline_value,
        numerator: target.baseline_numerator,
        source: 'plan',
        period,
      },
      note:
        period?.perYear != null
          ? `De basis ${nl(target.baseline_value, 0)} telt over ${period.label} (${nl(period.years, 1)} jaar): ${nl(period.perYear, 1)} per jaar. Aantallen worden per jaar vergeleken.`
          : null,
    };
  }
  const from = target.baseline_year ?? programmeStartYear;
  const obs = series.observations.find((o) => o.year >= from && o.value != null);
  if (!obs || obs.value == null) return { point: null, summary: null, note: null };
  return {
    point: { year: obs.year, value: obs.value, interval: series.intervals.get(obs.year) ?? null },
    summary: {
      year: obs.year,
      value: obs.value,
      numerator: obs.numerator,
      source: 'waarnemingen',
      period: null,
    },
    note: null,
  };
}

/** A plan baseline over more than a year; counts ('aantal') get their value per year. */
export function baselinePeriod(
  target: Pick<TargetRow, 'baseline_period_start' | 'baseline_period_end' | 'baseline_value'>,
  indicator: Pick<IndicatorRow, 'unit'>,
): BaselineSummary['period'] {
  const start = target.baseline_period_start;
  const end = target.baseline_period_end;
  if (!start || !end || target.baseline_value == null) return null;
  const years = periodYears(start, end);
  if (years == null) return null;
  const perYear = indicator.unit === 'aantal' ? target.baseline_value / years : null;
  return { start, end, label: periodLabel(start, end), years, perYear };
}
