import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary; as root through `runuser -u postgres` (initdb refuses root). */
async function pgCommand(binary: string, args: string[]): Promise<string> {
  const file = path.join(BIN, binary);
  const { stdout } = isRoot
    ? await run('runuser', ['-u', 'postgres', '--', file, ...args], { timeout: 60_000 })
    : await run(file, args, { timeout: 60_000 });
  return stdout;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A PostgreSQL instance of the fault tests' own: initdb into a temp folder, on a free loopback
 * port, never the system server on 5432. The test stops, starts and freezes it at will.
 */
export class TempPostgres {
  private constructor(
    readonly folder: string,
    readonly port: number,
  ) {}

  get dataDir() {
    return path.join(this.folder, 'data');
  }

  url(database = 'postgres') {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static async create(): Promise<TempPostgres> {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'buurtpeil-faults-pg-'));
    if (isRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      chownSync(folder, Number(stdout.trim()), Number(gid.trim()));
    }
    const instance = new TempPostgres(folder, await freePort());
    await pgCommand('initdb', [
      '-D',
      instance.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await instance.start();
    return instance;
  }

  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.folder}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=60',
    ].join(' ');
    await pgCommand('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      path.join(this.folder, 'log'),
      '-w',
      'start',
    ]);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await pgCommand('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  /** The postmaster and every process it started (backends, checkpointer, …). */
  private processes(): number[] {
    const postmaster = Number(readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  }

  /** SIGSTOP: the server keeps its sockets open but answers nothing, as a hung host would. */
  freeze(): void {
    for (const pid of this.processes()) process.kill(pid, 'SIGSTOP');
  }

  thaw(): void {
    for (const pid of this.processes()) process.kill(pid, 'SIGCONT');
  }

  async destroy(): Promise<void> {
    try {
      this.thaw();
    } catch {}
    try {
      await this.stop('immediate');
    } catch {}
    rmSync(this.folder, { recursive: true, force: true });
  }
}
