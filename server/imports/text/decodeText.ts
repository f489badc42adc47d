/** Shared checks on uploaded bytes: size, encoding, byte-order mark. Pure: no database, no Express. */

export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; message: string };

const MB = 1024 * 1024;

export function formatMegabytes(bytes: number): string {
  return `${(bytes / MB).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

/** A readable refusal for a file over the size limit, or undefined when it fits. */
export function checkFileSize(byteLength: number, limitBytes: number, what: string): string | undefined {
  if (byteLength <= limitBytes) return undefined;
  return `Het bestand is ${formatMegabytes(byteLength)}; de grens voor ${what} is ${Math.round(limitBytes / MB)} MB. Splits het bestand op (bijvoorbeeld per jaar of per indicator) en lees de delen na elkaar in.`;
}

/**
 * Decodes UTF-8 (with or without BOM) strictly. Latin-1 / Windows-1252 text (Excel's "CSV" as
 * opposed to "CSV UTF-8") fails here with the line of the first bad byte, instead of turning
 * "ë" into "�" silently.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    const badByte = firstInvalidUtf8Offset(bytes);
    let line = 1;
    for (let index = 0; index < badByte; index++) if (bytes[index] === 0x0a) line++;
    return {
      ok: false,
      line,
      message:
        "Het bestand is geen geldige UTF-8-tekst; waarschijnlijk is het opgeslagen als Latin-1/ANSI. Sla het op als 'CSV UTF-8' en lees het opnieuw in.",
    };
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length =
      byte < 0x80 ? 1 : byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : byte >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next];
      if (continuation === undefined || continuation >> 6 !== 0b10) return index;
    }
    index += length;
  }
  return bytes.length;
}

/** The first line of a text, without its line ending. */
export function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/**
 * Which of `;` and `,` separates the header fields; undefined when neither occurs (a tab- or
 * pipe-separated file, or a single column).
 */
export function detectDelimiter(headerLine: string): ';' | ',' | undefined {
  const semicolons = headerLine.split(';').length - 1;
  const commas = headerLine.split(',').length - 1;
  if (semicolons === 0 && commas === 0) return undefined;
  return semicolons >= commas ? ';' : ',';
}

/**
 * decodeUtf8 for bytes that arrive in chunks (a file read from disk): the text in chunks, the BOM
 * dropped; a character split over two chunks is joined. Throws a TypeError on invalid UTF-8.
 */
export async function* decodeUtf8Chunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
