import pg from 'pg';

/**
 * Fills a migrated database (the app has started on it) with `areas` buurten and every catalogue
 * indicator for `periods` periods, straight in SQL: enough rows that a CSV export is far larger
 * than the socket buffers of loopback.
 */
export async function seedObservations(url: string, areas: number, periods: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into areas (code, vintage, level, name, parent_code, gemeente_code, geometry, bbox, source, import_id)
       select 'BU9999' || lpad(n::text, 4, '0'), 2022, 'buurt', 'Proefbuurt ' || n, null, 'GM9999', null, null, 'fouttest', null
       from generate_series(1, $1) as n on conflict do nothing`,
      [areas],
    );
    const { rowCount } = await client.query(
      `insert into observations (indicator_id, area_code, vintage, period, year, value, numerator, denominator,
         provisional, confidential, value_rounding, count_rounding, source, import_id)
       select i.id, 'BU9999' || lpad(a::text, 4, '0'), 2022, (2000 + p)::text, 2000 + p, 1000 + a, null, null,
         false, false, null, null, 'fouttest: een bron met een wat langere naam zodat de regels breder worden', null
       from indicators i, generate_series(1, $1) as a, generate_series(1, $2) as p
       on conflict do nothing`,
      [areas, periods],
    );
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}
