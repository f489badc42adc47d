/**
 * Creates an account; the only way to get the first beheerder (there is no default account).
 *
 *   npm run user:create -- --gebruikersnaam anna --rol beheerder [--naam "Anna de Vries"]
 *   npm run user:create -- --gebruikersnaam piet --rol partner --organisatie "Welzijn Leidschendam"
 *
 * A partner needs --organisatie: the id or the exact name of an organisation in the plans.
 *
 * The password comes from BUURTPEIL_WACHTWOORD, else from stdin when it is piped, else it is
 * asked twice on the terminal without echo. Never as an argument: those end up in shell history.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { writeAudit } from '../server/audit/audit.ts';
import {
  createUser,
  newUserSchema,
  resolveOrganisation,
  UnknownOrganisationError,
  UsernameTakenError,
  userView,
} from '../server/auth/userAccounts.ts';
import { readConfig } from '../server/config.ts';
import { createDatabase } from '../server/db/createDatabase.ts';
import { EmbeddedDatabaseInUseError } from '../server/db/embeddedLock.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

const { values } = parseArgs({
  options: {
    gebruikersnaam: { type: 'string' },
    rol: { type: 'string' },
    naam: { type: 'string' },
    organisatie: { type: 'string' },
  },
});

async function readPipedPassword(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing of what is typed; the question itself is written once.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (process.env.BUURTPEIL_WACHTWOORD) return process.env.BUURTPEIL_WACHTWOORD;
  if (!process.stdin.isTTY) return readPipedPassword();
  const first = await askHidden('Wachtwoord: ');
  const second = await askHidden('Herhaal het wachtwoord: ');
  if (first !== second) throw new Error('De wachtwoorden zijn niet gelijk.');
  return first;
}

async function main(): Promise<number> {
  if (!values.gebruikersnaam || !values.rol) {
    console.error(
      'Gebruik: npm run user:create -- --gebruikersnaam <naam> --rol beheerder|redacteur|partner [--organisatie <id of naam>] [--naam "Volledige naam"]',
    );
    return 2;
  }
  const password = await readPassword();
  const config = readConfig();
  const db = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(db);
    const organisation =
      values.organisatie === undefined ? undefined : await resolveOrganisation(db, values.organisatie);
    const parsed = newUserSchema.safeParse({
      gebruikersnaam: values.gebruikersnaam,
      naam: values.naam ?? values.gebruikersnaam,
      rol: values.rol,
      ...(organisation === undefined ? {} : { organisatie: organisation }),
      wachtwoord: password,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        console.error(`${issue.path.join('.') || 'invoer'}: ${issue.message}`);
      return 2;
    }
    const user = await db.transaction().execute(async (trx) => {
      const created = await createUser(trx, parsed.data);
      await writeAudit(trx, {
        actor: { username: 'cli', id: null },
        action: 'gebruiker.aanmaken',
        entity: 'gebruiker',
        entityId: created.id,
        before: null,
        after: userView(created),
      });
      return created;
    });
    console.log(`Gebruiker ${user.username} (${user.role}) is aangemaakt.`);
    return 0;
  } catch (error) {
    if (
      error instanceof UsernameTakenError ||
      error instanceof UnknownOrganisationError ||
      error instanceof EmbeddedDatabaseInUseError
    ) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
