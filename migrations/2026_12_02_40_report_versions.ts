import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// A vastgestelde voortgangsrapportage (issue 11 item 6): the whole report as it was shown, frozen as
// one JSON document, numbered per programme and half year. Rows are only ever added; who did it
// is in audit_log (rapportage.vaststellen), never in the public document.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull()) // half year, 2026-H1
    .addColumn('version', 'integer', (c) => c.notNull()) // 1, 2, … per programme and half year
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('established_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_versions_number', ['programme_id', 'period', 'version'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_versions').execute();
}
