import type { ReportBody, ReportVersionRef } from '../../schemas/reports.ts';
import { type AuditEntry, writeAudit } from '../audit/audit.ts';
import type { Db } from '../db/createDatabase.ts';

/** The API path of one vastgestelde version. */
export const versionHref = (programmeId: string, period: string, version: number) =>
  `/api/v1/programmas/${programmeId}/rapportages/${period}/vastgesteld/${version}`;

interface VersionRow {
  programme_id: string;
  period: string;
  version: number;
  established_at: Date;
}

const toRef = (row: VersionRow): ReportVersionRef => ({
  periode: row.period,
  versie: row.version,
  vastgesteldOp: new Date(row.established_at).toISOString(),
  href: versionHref(row.programme_id, row.period, row.version),
});

// PostgreSQL's driver parses jsonb; keep working if a driver hands back the text.
const parse = (document: unknown): ReportBody =>
  (typeof document === 'string' ? JSON.parse(document) : document) as ReportBody;

/** The vastgestelde versions of a programme, newest first. */
export async function findVersions(db: Db, programmeId: string): Promise<ReportVersionRef[]> {
  const rows = await db
    .selectFrom('report_versions')
    .select(['programme_id', 'period', 'version', 'established_at'])
    .where('programme_id', '=', programmeId)
    .orderBy('period', 'desc')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toRef);
}

/** The frozen document of one version, exactly as stored. */
export async function findVersionDocument(
  db: Db,
  programmeId: string,
  period: string,
  version: number,
): Promise<ReportBody | undefined> {
  const row = await db
    .selectFrom('report_versions')
    .select('document')
    .where('programme_id', '=', programmeId)
    .where('period', '=', period)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? parse(row.document) : undefined;
}

/** The latest version vastgesteld for this half year or an earlier one: what a new report is compared with. */
export async function findPreviousVersion(
  db: Db,
  programmeId: string,
  period: string,
): Promise<{ ref: ReportVersionRef; document: ReportBody } | undefined> {
  const row = await db
    .selectFrom('report_versions')
    .select(['programme_id', 'period', 'version', 'established_at', 'document'])
    .where('programme_id', '=', programmeId)
    .where('period', '<=', period)
    .orderBy('period', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ref: toRef(row), document: parse(row.document) } : undefined;
}

/**
 * Stores a report as vastgesteld under the next version number of its half year, with its audit
 * line in the same transaction. `complete` gets the version's reference and returns the document
 * to freeze (so the document names itself). The programme row is locked so that two managers
 * vaststellen at once get two numbers, not an error.
 */
export async function storeVersion(
  db: Db,
  programmeId: string,
  period: string,
  complete: (ref: ReportVersionRef) => ReportBody,
  actor: AuditEntry['actor'],
): Promise<ReportVersionRef> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('programmes').select('id').where('id', '=', programmeId).forUpdate().execute();
    const last = await trx
      .selectFrom('report_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('programme_id', '=', programmeId)
      .where('period', '=', period)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    const establishedAt = new Date();
    const ref = toRef({ programme_id: programmeId, period, version, established_at: establishedAt });
    const document = complete(ref);
    const row = await trx
      .insertInto('report_versions')
      .values({
        programme_id: programmeId,
        period,
        version,
        document: JSON.stringify(document),
        established_at: establishedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'rapportage.vaststellen',
      entity: 'rapportage',
      entityId: row.id,
      before: null,
      after: { programma: programmeId, periode: period, versie: version, href: ref.href },
    });
    return ref;
  });
}
