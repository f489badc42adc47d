import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fixtureDir } from './importTestSupport.ts';

/** What the replay server does wrong for requests whose path contains a given string. */
export type Fault = 'http500' | 'slow' | 'malformed' | 'badValue';

export interface ReplayServer {
  /** Base URLs to hand to the loader in place of api.pdok.nl/cbs and opendata.cbs.nl/ODataFeed/odata. */
  pdokBaseUrl: string;
  cbsODataBaseUrl: string;
  /** Every request, as path + query. */
  requests: string[];
  faults: Map<string, Fault>;
  close(): Promise<void>;
}

const OFFICIAL_PDOK = 'https://api.pdok.nl/cbs';
const OFFICIAL_CBS = 'https://opendata.cbs.nl/ODataFeed/odata';

/**
 * A local HTTP server on 127.0.0.1 that answers like PDOK's OGC API Features and CBS OData v3 for
 * test gemeente GM9999 (indeling 2022, KWB 2024, Arbeidsdeelname 2023), from recorded responses
 * in test/fixtures/imports/online/. Links in the recordings point at the official hosts; they are
 * rewritten to this server, as a recording proxy would. Requests without the gemeente filter get
 * a 400, so the tests also check that the loader asks for one gemeente only.
 */
export async function startReplayServer(): Promise<ReplayServer> {
  const requests: string[] = [];
  const faults = new Map<string, Fault>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const fixture = (name: string) =>
    readFileSync(path.join(fixtureDir, 'online', name), 'utf8')
      .replaceAll(OFFICIAL_PDOK, `${origin}/pdok`)
      .replaceAll(OFFICIAL_CBS, `${origin}/cbs`);

  const route = (url: URL): string | undefined => {
    const pdok =
      /^\/pdok\/wijken-en-buurten-2022\/ogc\/v1\/collections\/(buurten|wijken|gemeenten)\/items$/.exec(
        url.pathname,
      );
    if (pdok) {
      if (url.searchParams.get('gemeentecode') !== 'GM9999' || url.searchParams.get('f') !== 'json')
        return undefined;
      if (pdok[1] === 'buurten')
        return url.searchParams.get('cursor') === 'Ab12'
          ? 'pdok_buurten_page2.json'
          : 'pdok_buurten_page1.json';
      return `pdok_${pdok[1]}_2022_GM9999.json`;
    }
    const cbs = /^\/cbs\/(85984NED|86089NED)\/(TypedDataSet|Geslacht|Leeftijd)$/.exec(url.pathname);
    if (!cbs) return undefined;
    const [, table, entity] = cbs;
    if (entity !== 'TypedDataSet') return table === '86089NED' ? `odata_86089NED_${entity}.json` : undefined;
    const filter = url.searchParams.get('$filter') ?? '';
    if (!filter.includes("startswith(WijkenEnBuurten,'GM9999')")) return undefined;
    if (table === '86089NED')
      return filter.includes("Geslacht eq 'T001038'") && filter.includes("Leeftijd eq '52052   '")
        ? 'odata_86089NED_GM9999.json'
        : undefined;
    return url.searchParams.has('$skiptoken')
      ? 'odata_85984NED_GM9999_page2.json'
      : 'odata_85984NED_GM9999_page1.json';
  };

  const send = (response: ServerResponse, status: number, body: string, type = 'application/json') => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    requests.push(`${url.pathname}${url.search}`);
    const fault = [...faults].find(([part]) => `${url.pathname}${url.search}`.includes(part))?.[1];
    const name = route(url);
    if (!name) return send(response, 400, JSON.stringify({ message: 'onbekend verzoek' }));
    if (fault === 'http500')
      return send(response, 500, '<html><body>Internal Server Error</body></html>', 'text/html');
    if (fault === 'slow') {
      // Headers go out at once; the body never comes within the client's time limit.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"value": [');
      const timer = setTimeout(() => response.end(']}'), 5_000);
      timers.add(timer);
      return;
    }
    const body = fixture(name);
    if (fault === 'malformed') return send(response, 200, body.slice(0, Math.floor(body.length / 2)));
    if (fault === 'badValue')
      return send(
        response,
        200,
        body.replace('"NettoArbeidsparticipatie_3": 69.0', '"NettoArbeidsparticipatie_3": "negenenzestig"'),
      );
    send(response, 200, body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pdokBaseUrl: `${origin}/pdok`,
    cbsODataBaseUrl: `${origin}/cbs`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A base URL on 127.0.0.1 where nothing listens: the port was bound, then released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
