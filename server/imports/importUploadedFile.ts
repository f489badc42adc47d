import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Db } from '../db/createDatabase.ts';
import { importFile, refuseFile, startReport } from './importFile.ts';
import { importKwb } from './importKwb.ts';
import type { ImportFileInput, ImportOptions, ImportReport } from './importReport.ts';
import type { ReceivedUpload } from './receiveUpload.ts';
import { decodeUtf8, decodeUtf8Chunks } from './text/decodeText.ts';

// An upload received into a temporary file (receiveUpload.ts). A KWB CSV is decoded and parsed
// from the file in chunks, so its text is never one string (D11, docs/decisions/0106); the other
// kinds (and KWB JSON) are read whole and go through importFile, as before.

export type UploadedFileInput = Omit<ImportFileInput, 'bytes'> & { upload: ReceivedUpload };

const CHUNK_BYTES = 64 * 1024;

export async function importUploadedFile(
  db: Db,
  { upload, ...input }: UploadedFileInput,
  options: ImportOptions,
): Promise<ImportReport> {
  if (input.kind !== 'kwb' || startsLikeJson(upload.head)) {
    return importFile(db, { ...input, bytes: await readFile(upload.path) }, options);
  }
  const { report, refused } = startReport(input, upload.byteLength, upload.sha256, options);
  if (refused) return report;
  // The whole file is checked first, so a Latin-1 file is refused with the line of its first bad
  // byte and nothing else, as importFile does.
  const invalid = await firstUtf8Problem(upload.path);
  if (invalid) return refuseFile(report, invalid.message, invalid.line);
  options.onProgress?.('lezen', 0, 1);
  const chunks = () => decodeUtf8Chunks(createReadStream(upload.path, { highWaterMark: CHUNK_BYTES }));
  return importKwb(db, { ...input, fileSize: upload.byteLength }, options, report, chunks());
}

async function firstUtf8Problem(path: string): Promise<{ line: number; message: string } | undefined> {
  try {
    for await (const _text of decodeUtf8Chunks(createReadStream(path, { highWaterMark: CHUNK_BYTES }))) {
      // decoding is the check
    }
    return undefined;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // Only for a refused file: read whole to find the line, with importFile's own words.
    const decoded = decodeUtf8(await readFile(path));
    return decoded.ok ? undefined : decoded;
  }
}

function startsLikeJson(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 4096)).trimStart();
  return text.startsWith('{') || text.startsWith('[');
}
