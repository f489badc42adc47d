/**
 * parseKwbStream (docs/decisions/0106) reads a KWB CSV in chunks as it comes off disk. Cut into
 * 7-byte pieces (a header, a record, a quoted field and a two-byte "ë" split anywhere), the
 * result must be parseKwb's over the whole text, observation for observation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseKwb, parseKwbStream } from '../../server/imports/kwb/parseKwb.ts';
import { decodeUtf8Chunks } from '../../server/imports/text/decodeText.ts';
import { sharedFile } from '../support/sharedData.ts';
import { fixtureBytes } from './importTestSupport.ts';

async function* piecesOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const skipGm0001 = (code: string) => code.startsWith('GM0001') || code.startsWith('BU0001');

const files: Array<[string, Uint8Array]> = [
  ['kwb2024_proef.csv', fixtureBytes('kwb2024_proef.csv')],
  ['kwb2024_85984NED_GM1916.csv', readFileSync(sharedFile('kwb', 'gm1916', 'kwb2024_85984NED_GM1916.csv'))],
  [
    'kwb2024_gemengd.csv',
    new TextEncoder().encode(
      '\uFEFFCodering_3,WijkenEnBuurten,AantalInwoners_5\r\nGM9999,"Proefdorp, Noordhoëk",12\r\nGM0001,Elders,5\r\nBU99990100,Noordhoëk,1.5\r\nWK999901,"Westwijk ""oud""",twaalf\r\nGM9999,dubbel,3\r\n',
    ),
  ],
  ['kwb2024_quote.csv', new TextEncoder().encode('Codering_3;AantalInwoners_5\nGM9999;"1\nGM9998;2\n')],
];

describe('KWB: parsing in chunks equals parsing the whole text', () => {
  for (const [fileName, bytes] of files) {
    it(fileName, async () => {
      const options = { fileName, skipRegion: skipGm0001 };
      const whole = parseKwb(new TextDecoder().decode(bytes), options);
      const streamed = await parseKwbStream(decodeUtf8Chunks(piecesOf(bytes, 7)), options);
      assert.deepEqual(streamed, whole);
      assert.ok(whole.observations.length + whole.errors.length > 0);
    });
  }

  it('refuses invalid UTF-8 (Latin-1) while decoding in chunks', async () => {
    const latin1 = Buffer.from('Codering_3;WijkenEnBuurten\nBU99990100;Noordhoëk\n', 'latin1');
    await assert.rejects(async () => {
      for await (const _text of decodeUtf8Chunks(piecesOf(latin1, 7))) {
        // reading is the test
      }
    }, TypeError);
  });
});
