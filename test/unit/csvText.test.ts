import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { CSV_DIALECTS } from '../../server/exports/csvDialect.ts';
import { csvStart, RECORD_END, recordJoiner } from '../../server/exports/csvText.ts';

// The export writes its records itself (decision 0121); they must be byte for byte what
// csv-stringify, the reference it replaced, writes for the same cells — except that a lone CR or LF
// in a cell is now quoted too (RFC 4180; csv-stringify with a CRLF record end quoted only CRLF,
// so a name with a line break would have split its record), hence `quoted_match` below.
const CELLS = [
  ['BU19160200', 'Prinsenhof hoog(bouw)', '', '2022', '1,5', '-3,5'],
  ['a;b', 'a,b', 'say "hi"', '"', ';', ','],
  ['line\nbreak', 'carriage\rreturn', 'crlf\r\nend', "'=SUM(1)", '\t', 'ẞ ü € 🏠'],
  ['', '', '', '', '', ''],
  ['x\u0000y', '""', ' lead', 'trail ', '|a|b|', '\\'],
];

describe('CSV records written by csvText', () => {
  for (const dialect of Object.values(CSV_DIALECTS)) {
    it(`match csv-stringify in the ${dialect.name} dialect, header and BOM included`, () => {
      const join = recordJoiner(dialect);
      const ours =
        csvStart(['h1', 'h;2', 'h,3', 'h4', 'h5', 'h6'], dialect) +
        CELLS.map((row) => join(row) + RECORD_END).join('');
      const reference = stringify(CELLS, {
        delimiter: dialect.delimiter,
        bom: dialect.bom,
        header: true,
        columns: ['h1', 'h;2', 'h,3', 'h4', 'h5', 'h6'],
        record_delimiter: 'windows',
        quoted_match: /[\r\n]/,
      });
      assert.equal(ours, reference);
    });
  }
});
