import { parse } from 'csv-parse/sync';
import { CsvColumn, neutraliseFormula, toCsv } from './csv';

type Row = { id: string; text: string; count?: number };

const columns: CsvColumn<Row>[] = [
  { header: 'ID', value: row => row.id },
  { header: 'Text', value: row => row.text },
  { header: 'Count', value: row => row.count },
];

/** Parses CSV as a spreadsheet or script would: BOM dropped, RFC 4180. */
function parseCsv(csv: string): string[][] {
  return parse(csv, { bom: true, relax_quotes: false });
}

describe('neutraliseFormula', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('makes %j text', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['T1059', 'PowerShell = bad', 'a-b', '', "'quoted"])(
    'leaves %j alone',
    cell => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );
});

describe('toCsv', () => {
  it('writes a header, CRLF line ends and a UTF-8 byte order mark', () => {
    const csv = toCsv(columns, [{ id: '1', text: 'plain', count: 3 }]);

    expect(csv).toBe('\uFEFFID,Text,Count\r\n1,plain,3\r\n');
  });

  it('writes an empty cell for an absent value', () => {
    const csv = toCsv(columns, [{ id: '1', text: 'x' }]);

    expect(parseCsv(csv)).toEqual([
      ['ID', 'Text', 'Count'],
      ['1', 'x', ''],
    ]);
  });

  it('quotes what RFC 4180 requires and reads back every cell intact', () => {
    const texts = [
      'comma, inside',
      'a "quoted" word',
      'two\nlines',
      'carriage\r\nreturn inside',
      'Détection réseau – équipe bleue, ünïcödé ✓',
    ];
    const csv = toCsv(
      columns,
      texts.map((text, index) => ({ id: String(index), text })),
    );

    expect(csv).toContain('"a ""quoted"" word"');
    expect(parseCsv(csv).slice(1)).toEqual(
      texts.map((text, index) => [String(index), text, '']),
    );
  });

  it('neutralises formula injection in every cell, and reads back as text', () => {
    const payloads = [
      "=cmd|' /C calc'!A0",
      '+HYPERLINK("http://evil.example","x")',
      '-1+2',
      '@SUM(1,2)',
      '\t=1+1',
      '\r=1+1',
    ];
    const csv = toCsv(
      columns,
      payloads.map(text => ({ id: text, text })),
    );

    const cells = parseCsv(csv)
      .slice(1)
      .map(([id, text]) => [id, text]);
    expect(cells).toEqual(payloads.map(text => [`'${text}`, `'${text}`]));
  });
});
