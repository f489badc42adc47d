import type { Geometry } from 'geojson';
import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { AreaLevel, Polarity, ProgrammeAreaRole, Role, TargetKind } from '../../schemas/enums.ts';
import type {
  DoelenTable,
  DoelIndicatorsTable,
  InspanningAreasTable,
  InspanningBudgetsTable,
  InspanningDoelenTable,
  InspanningenTable,
  InspanningPartnersTable,
  OrganisationsTable,
  ProgrammeBudgetLinesTable,
  ProgrammePlansTable,
  ReportVersionsTable,
  VoortgangTable,
} from './planTables.ts';

/** The tables as the migrations in migrations/ leave them. Keep in step with new migrations. */
export interface Database {
  imports: ImportsTable;
  areas: AreasTable;
  area_members: AreaMembersTable;
  indicators: IndicatorsTable;
  observations: ObservationsTable;
  observation_revisions: ObservationRevisionsTable;
  programmes: ProgrammesTable;
  programme_areas: ProgrammeAreasTable;
  targets: TargetsTable;
  programme_indicators: ProgrammeIndicatorsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  data_packs: DataPacksTable;
  organisations: OrganisationsTable;
  programme_plans: ProgrammePlansTable;
  doelen: DoelenTable;
  doel_indicators: DoelIndicatorsTable;
  inspanningen: InspanningenTable;
  inspanning_partners: InspanningPartnersTable;
  inspanning_doelen: InspanningDoelenTable;
  inspanning_areas: InspanningAreasTable;
  inspanning_budgets: InspanningBudgetsTable;
  voortgang: VoortgangTable;
  programme_budget_lines: ProgrammeBudgetLinesTable;
  disclosure_state: DisclosureStateTable;
  data_generation: DataGenerationTable;
  report_versions: ReportVersionsTable;
  tile_sets: TileSetsTable;
  boundary_tiles: BoundaryTilesTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

// The enum columns take their values from schemas/enums.ts, the one list of each.
export type { AreaLevel, Polarity, ProgrammeAreaRole, Role, TargetKind } from '../../schemas/enums.ts';
export type {
  DoelenTable,
  DoelIndicatorsTable,
  InspanningAreasTable,
  InspanningBudgetsTable,
  InspanningDoelenTable,
  InspanningenTable,
  InspanningPartnersTable,
  OrganisationsTable,
  ProgrammeBudgetLinesTable,
  ProgrammePlansTable,
  ReportVersionsTable,
  VoortgangStatus,
  VoortgangTable,
} from './planTables.ts';
export type ImportKind = 'grenzen' | 'kwb' | 'gemeentecijfers' | 'programma' | 'elan' | 'reeks';

export interface ImportsTable {
  id: Generated<number>;
  kind: ImportKind;
  file_name: string;
  file_hash: string;
  file_size: ColumnType<number, number | undefined, number>;
  actor: string;
  user_id: number | null;
  status: 'gelukt' | 'teruggedraaid';
  started_at: DefaultedTimestamp;
  finished_at: Timestamp | null;
  rows_total: ColumnType<number, number | undefined, number>;
  rows_new: ColumnType<number, number | undefined, number>;
  rows_corrected: ColumnType<number, number | undefined, number>;
  rows_unchanged: ColumnType<number, number | undefined, number>;
  report: JSONColumnType<Record<string, unknown>>;
}

export interface AreasTable {
  code: string;
  vintage: number;
  level: AreaLevel;
  name: string;
  parent_code: string | null;
  gemeente_code: string | null;
  geometry: JSONColumnType<Geometry | null, string | null, string | null>;
  bbox: JSONColumnType<[number, number, number, number] | null, string | null, string | null>;
  source: string | null;
  import_id: number | null;
}

export interface AreaMembersTable {
  area_code: string;
  vintage: number;
  member_code: string;
}

export interface IndicatorsTable {
  id: string;
  name: string;
  short_name: string | null;
  unit: string;
  polarity: Polarity;
  decimals: ColumnType<number, number | undefined, number>;
  definition: ColumnType<string, string | undefined, string>;
  source: ColumnType<string, string | undefined, string>;
  theme: string | null;
  numerator_label: string | null;
  denominator_label: string | null;
  min_denominator: number | null;
  min_count: number | null;
  /** Migration 2026_12_01_12a: possible range of a value (null: by unit) and rounding of whole-number values. */
  value_min: ColumnType<number | null, number | null | undefined, number | null>;
  value_max: ColumnType<number | null, number | null | undefined, number | null>;
  value_rounding: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: DefaultedTimestamp;
}

/**
 * The figure of one observation: the shape `observations` stores and `observation_revisions`
 * keeps of each replaced figure. `Flag` is how the two tables type their boolean flags.
 */
interface FigureColumns<Flag> {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provisional: Flag;
  confidential: Flag;
  value_rounding: number | null;
  count_rounding: number | null;
  source: string;
  /** Migration 2026_12_01_0800: the source file's flags for this value, `|`-separated. */
  flags: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 2026_12_01_0800: a published 95% interval around the value. */
  interval_low: ColumnType<number | null, number | null | undefined, number | null>;
  interval_high: ColumnType<number | null, number | null | undefined, number | null>;
  import_id: number | null;
}

export interface ObservationsTable extends FigureColumns<ColumnType<boolean, boolean | undefined, boolean>> {
  id: Generated<number>;
  indicator_id: string;
  area_code: string;
  vintage: number;
  period: string;
  year: number;
  updated_at: DefaultedTimestamp;
  /** Migration 2026_12_01_09b1: withheld by secondary suppression (decision 0082). */
  withheld: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ObservationRevisionsTable extends FigureColumns<boolean> {
  id: Generated<number>;
  observation_id: number;
  valid_from: Timestamp;
  replaced_at: DefaultedTimestamp;
  replaced_by_import_id: number | null;
  replaced_by: string | null;
}

export interface ProgrammesTable {
  id: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  gemeente_code: string;
  start_year: number;
  horizon_years: number;
  vintage: number;
  reference_area_code: string;
  source_document: string | null;
  updated_at: DefaultedTimestamp;
}

export interface ProgrammeAreasTable {
  programme_id: string;
  area_code: string;
  role: ProgrammeAreaRole;
  label: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
}

/** Migration 2026_11_24_1000: the indicators a programme follows, with or without targets. */
export interface ProgrammeIndicatorsTable {
  programme_id: string;
  indicator_id: string;
  role: 'resultaat' | 'monitoring';
  level: string | null;
  label: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
  /** Migration 2026_12_01_0801: the related series ("verwante reeks") read as a direction. */
  related_indicator_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TargetsTable {
  id: Generated<number>;
  programme_id: string;
  indicator_id: string;
  area_code: string;
  horizon: number;
  target_year: number;
  kind: TargetKind;
  target_value: number | null;
  reference_area_code: string | null;
  direction: 'toename' | 'afname' | null;
  baseline_year: number | null;
  baseline_value: number | null;
  baseline_numerator: number | null;
  baseline_source: ColumnType<'plan' | 'waarnemingen', 'plan' | 'waarnemingen' | undefined>;
  /** Migration 2026_12_01_12a: the baseline's period when longer than a year ('YYYY-MM', included). */
  baseline_period_start: ColumnType<string | null, string | null | undefined, string | null>;
  baseline_period_end: ColumnType<string | null, string | null | undefined, string | null>;
  plan_text: string | null;
  note: string | null;
  /** Migration 2026_12_02_1000: the council decision the target rests on ("Raadsbesluit 2023/114", 2023-06-12). */
  decision_reference: ColumnType<string | null, string | null | undefined, string | null>;
  decision_date: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: DefaultedTimestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: DefaultedTimestamp;
  /** Migration 2026_12_02_3000: a partner's organisation (set exactly when role is partner). */
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: DefaultedTimestamp;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  success: boolean;
  at: DefaultedTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultedTimestamp;
  actor: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: JSONColumnType<object | null, string | null, string | null>;
  after: JSONColumnType<object | null, string | null, string | null>;
  import_id: number | null;
}

/** Migration 2026_12_03_4000: one row, raised by every write that can change a map layer (0107). */
export interface DataGenerationTable {
  id: string;
  epoch: string;
  generation: number;
  changed_at: DefaultedTimestamp;
}

/** Migration 2026_12_02_7000: the suppression-rule version observations.withheld was computed with. */
export interface DisclosureStateTable {
  id: string;
  rule_version: number;
  refreshed_at: DefaultedTimestamp;
}

/** Migration 2026_12_01_0800: the data packs (geodata/packs/<id>) loaded into this database. */
export interface DataPacksTable {
  id: string;
  pack_hash: string;
  loaded_at: DefaultedTimestamp;
  files: number;
}

export type Area = Selectable<AreasTable>;
export type NewArea = Insertable<AreasTable>;
export type Indicator = Selectable<IndicatorsTable>;
export type NewIndicator = Insertable<IndicatorsTable>;
export type Observation = Selectable<ObservationsTable>;
export type NewObservation = Insertable<ObservationsTable>;
export type Programme = Selectable<ProgrammesTable>;
export type Target = Selectable<TargetsTable>;
export type NewTarget = Insertable<TargetsTable>;
export type TargetUpdate = Updateable<TargetsTable>;
export type User = Selectable<UsersTable>;
export type ImportRecord = Selectable<ImportsTable>;

/** Columnar list of the areas in a tile set: the table beside the map reads names from it. */
export interface TileSetAreas {
  codes: string[];
  namen: string[];
  gemeenten: (string | null)[];
}

export interface TileSetsTable {
  version: string;
  vintage: number;
  level: AreaLevel;
  min_zoom: number;
  max_zoom: number;
  bounds: JSONColumnType<[number, number, number, number] | null, string, string>;
  area_count: number;
  tile_count: number;
  tile_bytes: ColumnType<string | number, number, number>;
  gemeente_bounds: JSONColumnType<Record<string, [number, number, number, number]>, string, string>;
  areas: JSONColumnType<TileSetAreas, string, string>;
  built_at: DefaultedTimestamp;
  /** Fingerprint of the areas it was made from (tilesRepository.ts); null before it was recorded. */
  boundaries_fingerprint: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BoundaryTilesTable {
  version: string;
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}
