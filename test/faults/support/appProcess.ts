import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './tempPostgres.ts';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');

/** The real server (server/main.ts) as its own process, on a free loopback port. */
export class AppProcess {
  output = '';
  exitCode: number | null | undefined = undefined;
  readonly exited: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        resolve();
      });
    });
    child.stdout?.on('data', (chunk) => {
      this.output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      this.output += chunk;
    });
  }

  get base() {
    return `http://127.0.0.1:${this.port}/api/v1`;
  }

  get alive() {
    return this.exitCode === undefined;
  }

  /** Starts server/main.ts with DATABASE_URL and waits until it answers /status (any status). */
  static async start(env: Record<string, string>, options: { wait?: boolean } = {}): Promise<AppProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: repo,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        BUURTPEIL_INSECURE_COOKIES: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(child, port);
    if (options.wait !== false) await app.ready();
    return app;
  }

  async ready(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`de app stopte bij de start (code ${this.exitCode}):\n${this.output}`);
      try {
        await fetch(`${this.base}/status`, { signal: AbortSignal.timeout(2000) });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    throw new Error(`de app antwoordde niet binnen ${timeoutMs} ms:\n${this.output}`);
  }

  /** Resident memory of the process in MB (from /proc). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }

  /** Peak resident memory (VmHWM) in MB. */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** One GET with a timeout; the status (0 when it failed or timed out), headers, body and time taken. */
export async function timedGet(url: string, timeoutMs = 10_000) {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body, ms: performance.now() - started };
  } catch {
    return { status: 0, headers: new Headers(), body: '', ms: performance.now() - started };
  }
}
