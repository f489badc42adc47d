// Pre-serialised map layers (decision 0107): the finished body of a kaartlaag, plain or in columns,
// with its gzip and brotli bytes made on first demand, per indicator × period × indeling × level ×
// gemeente × horizon × programme, valid for one data generation of the database.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { type DataGeneration, readDataGeneration } from '../dataGeneration/dataGenerationRepository.ts';
import type { Db } from '../db/createDatabase.ts';
import type { MapLayerRequest } from './buildMapLayer.ts';
import { ByteLru } from './byteLru.ts';

export type LayerEncoding = 'br' | 'gzip' | 'identity';

export interface LayerKey extends MapLayerRequest {
  indicatorId: string;
  columns: boolean;
}

export interface LayerBody {
  key: LayerKey;
  json: Buffer;
  encoded: Partial<Record<Exclude<LayerEncoding, 'identity'>, Promise<Buffer>>>;
}

/** Raise when the same data gives a differently shaped body, so no browser keeps an old one by ETag. */
const LAYER_BODY_VERSION = 2;
/** The layers most recently asked for that are built again, in the background, after a new generation. */
const REWARM_LAYERS = 8;

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

function keyText(key: LayerKey): string {
  return [
    key.indicatorId,
    key.period,
    key.vintage,
    key.level,
    key.gemeente ?? '',
    key.horizon,
    key.programmeId ?? '',
    key.columns ? 'kolommen' : 'rijen',
  ].join('|');
}

/** The ETag of a layer in one generation: known before anything is built, so a 304 builds nothing. */
export function layerEtag(generation: DataGeneration, key: LayerKey): string {
  const hash = createHash('sha256')
    .update(
      `${LAYER_BODY_VERSION}|${generation.epoch}|${generation.generation}|${generation.changedAt}|${keyText(key)}`,
    )
    .digest('base64url')
    .slice(0, 27);
  return `"kl-${hash}"`;
}

export interface LayerCacheOptions {
  maxBytes: number;
  /** Builds and serialises a layer; throws (a 404 problem) when the layer cannot exist. */
  build(key: LayerKey): Promise<string>;
  /** Where a background rebuild's failure goes (the request path reports its own). */
  onWarmFailure(error: unknown): void;
  /**
   * How often the cache reads the generation on its own (ms; 0: only with requests), so a write in
   * any process gets the hot layers rebuilt before the next request asks.
   */
  pollMs: number;
}

/**
 * One per app: the bodies of the current generation only. A request (or the poll) that sees a newer
 * generation empties the cache and rebuilds, in the background, the layers that were asked for last.
 */
export function createLayerCache(db: Db, options: LayerCacheOptions) {
  const lru = new ByteLru<LayerBody>(options.maxBytes);
  const building = new Map<string, Promise<LayerBody>>();
  let current: DataGeneration | undefined;

  const isCurrent = (generation: DataGeneration) =>
    current?.epoch === generation.epoch &&
    current.generation === generation.generation &&
    current.changedAt === generation.changedAt;

  // Any other generation, even a lower one (a restored backup), makes every body stale; a request
  // that read an older one just before a write costs one rebuild, never a stale answer.
  function advanceTo(generation: DataGeneration): void {
    if (isCurrent(generation)) return;
    const hot = lru
      .newestFirst()
      .slice(0, REWARM_LAYERS)
      .map((body) => body.key);
    lru.clear();
    building.clear();
    current = generation;
    if (hot.length > 0) setImmediate(() => void rewarm(generation, hot));
  }

  async function rewarm(generation: DataGeneration, keys: LayerKey[]): Promise<void> {
    for (const key of keys) {
      if (!isCurrent(generation)) return;
      try {
        const body = await bodyOf(generation, key);
        // Compressed for browsers too (they take br), so the first request after the write only sends bytes.
        await encode(body, 'br');
      } catch (error) {
        options.onWarmFailure(error);
      }
    }
  }

  /** The body of a layer in this generation: from the cache, from a build under way, or built now. */
  function bodyOf(generation: DataGeneration, key: LayerKey): Promise<LayerBody> {
    const text = keyText(key);
    if (isCurrent(generation)) {
      const cached = lru.get(text);
      if (cached) return Promise.resolve(cached);
      const pending = building.get(text);
      if (pending) return pending;
    }
    const made = options.build(key).then((json) => {
      const body: LayerBody = { key, json: Buffer.from(json), encoded: {} };
      if (isCurrent(generation)) lru.set(text, body, body.json.byteLength);
      return body;
    });
    if (isCurrent(generation)) {
      building.set(text, made);
      const forget = () => {
        if (building.get(text) === made) building.delete(text);
      };
      made.then(forget, forget);
    }
    return made;
  }

  /** The body in an encoding the client accepts, compressed once and then kept with it. */
  async function encode(body: LayerBody, encoding: LayerEncoding): Promise<Buffer> {
    if (encoding === 'identity') return body.json;
    let encoded = body.encoded[encoding];
    if (!encoded) {
      encoded =
        encoding === 'gzip'
          ? gzip(body.json)
          : brotli(body.json, {
              params: {
                // Quality 4 (as the compression middleware): faster than gzip here and smaller; 11 takes seconds.
                [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.json.byteLength,
              },
            });
      body.encoded[encoding] = encoded;
      const text = keyText(body.key);
      encoded
        .then((bytes) => {
          if (lru.peek(text) === body) lru.grow(text, bytes.byteLength);
        })
        .catch(() => undefined);
    }
    return encoded;
  }

  if (options.pollMs > 0) {
    const poll = setInterval(() => {
      readDataGeneration(db).then(advanceTo, () => undefined); // a closed database: nothing to warm
    }, options.pollMs);
    poll.unref(); // never what keeps a process alive
  }

  return {
    /** The generation now: one tiny query per request; a newer one empties the cache. */
    async generation(): Promise<DataGeneration> {
      const generation = await readDataGeneration(db);
      advanceTo(generation);
      return generation;
    },
    bodyOf,
    encode,
    get bytes() {
      return lru.bytes;
    },
  };
}

export type LayerCache = ReturnType<typeof createLayerCache>;
