import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// Receives an upload body into a temporary file while it arrives (docs/decisions/0106): the
// server never holds a 50 MB upload in memory; the importer reads the file in chunks.

/** The body was larger than the limit; what arrived is removed. */
export class UploadTooLargeError extends Error {}

export interface ReceivedUpload {
  path: string;
  byteLength: number;
  /** sha256 of the whole body, hex: the import's file hash. */
  sha256: string;
  /** The first HEAD_BYTES bytes, for the type checks (uploadChecks.ts). */
  head: Uint8Array;
  /** Removes the file; safe to call more than once. */
  dispose: () => Promise<void>;
}

export const HEAD_BYTES = 64 * 1024;

export async function receiveUpload(body: Readable, limitBytes: number): Promise<ReceivedUpload> {
  const folder = await mkdtemp(join(tmpdir(), 'buurtpeil-upload-'));
  const path = join(folder, 'upload');
  const dispose = () => rm(folder, { recursive: true, force: true });
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLength = 0;
  let byteLength = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      byteLength += chunk.byteLength;
      if (byteLength > limitBytes) return done(new UploadTooLargeError());
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const part = Buffer.from(chunk.subarray(0, HEAD_BYTES - headLength));
        headParts.push(part);
        headLength += part.byteLength;
      }
      done(null, chunk);
    },
  });
  // The body is piped, not put in the pipeline: on a refusal it is drained rather than destroyed,
  // so the 413 still reaches the client over the same connection.
  const aborted = () => measure.destroy(new Error('De upload is afgebroken.'));
  body.once('error', aborted);
  body.once('close', () => {
    if (!body.readableEnded) aborted();
  });
  body.pipe(measure);
  try {
    await pipeline(measure, createWriteStream(path));
  } catch (error) {
    body.unpipe(measure);
    body.resume();
    await dispose();
    throw error;
  } finally {
    body.off('error', aborted);
  }
  return { path, byteLength, sha256: hash.digest('hex'), head: Buffer.concat(headParts), dispose };
}
