import type { UploadKind } from './importFile.ts';

/** The file extensions each kind of upload accepts, in the official formats the importers read. */
export const allowedExtensions: Record<UploadKind, string[]> = {
  gemeentecijfers: ['csv', 'txt'],
  kwb: ['csv', 'json'],
  grenzen: ['geojson', 'json'],
};

const BINARY_SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'een zip- of Excel-bestand' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'een PDF' },
  { bytes: [0x1f, 0x8b], what: 'een gzip-bestand' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'een PNG-afbeelding' },
  { bytes: [0xff, 0xd8, 0xff], what: 'een JPEG-afbeelding' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'een oud Office-bestand (.xls)' },
];

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);

function firstMeaningfulChar(bytes: Uint8Array): string | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  for (; i < Math.min(bytes.length, 4096); i++) {
    const byte = bytes[i]!;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return String.fromCharCode(byte);
  }
  return undefined;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Why this file cannot be an upload of this kind, or undefined when it can. The extension must fit
 * the kind and the content must look like it: text (no NUL bytes, no known binary signature), and
 * JSON where JSON is expected. The importer then checks every row; this only keeps out the wrong
 * kind of file (a spreadsheet, an image) before it is parsed.
 */
export function uploadTypeProblem(kind: UploadKind, fileName: string, bytes: Uint8Array): string | undefined {
  const extension = extensionOf(fileName);
  const allowed = allowedExtensions[kind];
  if (!allowed.includes(extension)) {
    return `Een bestand met ${kind} moet eindigen op ${allowed.map((e) => `.${e}`).join(' of ')}; ${fileName} heeft ${extension ? `.${extension}` : 'geen extensie'}.`;
  }
  if (bytes.length === 0) return undefined; // an empty file is the importer's to report, per row format
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature.bytes))
      return `${fileName} is ${signature.what}, geen tekstbestand (CSV of JSON).`;
  }
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0)) {
    return `${fileName} bevat binaire gegevens (nul-bytes), geen tekst. Sla het op als CSV in UTF-8 (geen UTF-16).`;
  }
  const first = firstMeaningfulChar(bytes);
  const looksLikeJson = first === '{' || first === '[';
  if ((extension === 'json' || extension === 'geojson') && first !== undefined && !looksLikeJson) {
    return `${fileName} begint niet als JSON (met { of [).`;
  }
  if ((extension === 'csv' || extension === 'txt') && (looksLikeJson || first === '<')) {
    return `${fileName} lijkt ${first === '<' ? 'HTML of XML' : 'JSON'}, geen CSV.`;
  }
  return undefined;
}
