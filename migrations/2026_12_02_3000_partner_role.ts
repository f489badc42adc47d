import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must keep creating exactly this schema, whatever the code does later.
// A third role, partner: an account tied to one organisation, which may record the voortgang of
// that organisation's inspanningen and nothing else. The organisation is on the account itself, so
// a partner without one (or another role with one) cannot exist.
// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('beheerder', 'redacteur', 'partner'))`.execute(
    db,
  );
  await db.schema
    .alterTable('users')
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .execute();
  await sql`alter table users add constraint users_partner_organisation check ((role = 'partner') = (organisation_id is not null))`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations do not depend on today's Database type
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_partner_organisation`.execute(db);
  await db.schema.alterTable('users').dropColumn('organisation_id').execute();
  await sql`delete from users where role = 'partner'`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('beheerder', 'redacteur'))`.execute(
    db,
  );
}
