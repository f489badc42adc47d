import type { Db } from '../db/createDatabase.ts';
import type { ImportRecord } from '../db/Database.ts';
import type { Page } from '../http/pagination.ts';

/** One page of the imports, newest first, and how many there are. */
export async function listImports(db: Db, page: Page): Promise<{ rows: ImportRecord[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('imports')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.paginaGrootte)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findImport(db: Db, id: number): Promise<ImportRecord | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}
