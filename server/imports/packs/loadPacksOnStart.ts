import type { Logger } from 'pino';
import type { Db } from '../../db/createDatabase.ts';
import { loadDataPacks } from './dataPacks.ts';

/** Start-up step: loads the data packs not yet in this database and logs each file in Dutch. */
export async function loadPacksOnStart(db: Db, logger: Logger): Promise<void> {
  const results = await loadDataPacks(db, {
    actor: 'opstart',
    onFile: (pack, file) =>
      logger.info(
        { pakket: pack.id, bestand: file.fileName, nieuw: file.rowsNew, ongewijzigd: file.rowsUnchanged },
        file.ok ? file.label : `${file.label}: niet gelukt`,
      ),
  });
  for (const result of results) {
    if (result.status === 'geladen')
      logger.info(`Datapakket ${result.naam} geladen in ${result.seconds.toFixed(1)} s.`);
    else if (result.status === 'mislukt')
      logger.error(
        { fouten: result.errors.slice(0, 20) },
        `Datapakket ${result.naam} is niet (helemaal) geladen; bij de volgende start wordt het opnieuw geprobeerd.`,
      );
  }
}
