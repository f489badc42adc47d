// The tables of a programme's plan and its reports (Database.ts lists every table).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// Migration 2026_12_01_1100: a programme's plan (doelen, inspanningen, voortgang, budget).
export type VoortgangStatus = 'niet_gestart' | 'loopt' | 'vertraagd' | 'afgerond' | 'gestopt';

export interface OrganisationsTable {
  id: Generated<number>;
  gemeente_code: string;
  name: string;
}

export interface ProgrammePlansTable {
  programme_id: string;
  ambition: string | null;
  monitoring: JSONColumnType<string[], string | undefined, string>;
  budget_note: string | null;
  source_note: string | null;
}

export interface DoelenTable {
  id: Generated<number>;
  programme_id: string;
  parent_id: number | null;
  code: string;
  title: string;
  description: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface DoelIndicatorsTable {
  doel_id: number;
  indicator_id: string;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface InspanningenTable {
  id: Generated<number>;
  programme_id: string;
  code: string;
  kind: 'actie' | 'bestaand';
  title: string;
  description: string | null;
  period_text: string | null;
  period_start: string | null;
  period_end: string | null;
  trekker_id: number | null;
  budget_text: string | null;
  output_label: string | null;
  output_planned: number | null;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface InspanningPartnersTable {
  inspanning_id: number;
  organisation_id: number;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface InspanningDoelenTable {
  inspanning_id: number;
  doel_id: number;
}

export interface InspanningAreasTable {
  inspanning_id: number;
  area_code: string;
}

export interface InspanningBudgetsTable {
  id: Generated<number>;
  inspanning_id: number;
  year: number | null;
  amount: number;
}

export interface VoortgangTable {
  id: Generated<number>;
  inspanning_id: number;
  period: string;
  status: VoortgangStatus;
  note: string | null;
  output_realised: number | null;
  spent: number | null;
  recorded_at: DefaultedTimestamp;
  recorded_by: string;
  user_id: number | null;
}

export interface ProgrammeBudgetLinesTable {
  id: Generated<number>;
  programme_id: string;
  kind: 'begroting' | 'financiering' | 'totaal';
  doel_id: number | null;
  label: string;
  year: number | null;
  amount: number;
  note: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
}

// Migration 2026_12_02_40: vastgestelde rapportages, the frozen report document per version.
export interface ReportVersionsTable {
  id: Generated<number>;
  programme_id: string;
  period: string;
  version: number;
  document: JSONColumnType<object, string, string>;
  established_at: DefaultedTimestamp;
}
