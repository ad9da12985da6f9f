import { stringify } from 'csv-stringify/sync';
import { CachedAnswer } from '../lib/ReadCache';

/** One column of a CSV report: its header and how a row fills it. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | undefined;
}

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab
 * and carriage return, let it slip one past the check in some programs).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a cell a spreadsheet would run as a formula by prefixing an
 * apostrophe, which makes it text. Every cell of every Aegis CSV goes
 * through here: test titles, owners and outcomes are written by users.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function cellOf(value: string | number | boolean | undefined): string {
  if (value === undefined) {
    return '';
  }
  return neutraliseFormula(String(value));
}

/**
 * Writes rows as RFC 4180 CSV: a header line, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, and a UTF-8 byte order mark
 * so that spreadsheets read accented text as UTF-8.
 */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  return stringify(
    [
      columns.map(column => column.header),
      ...rows.map(row => columns.map(column => cellOf(column.value(row)))),
    ],
    { record_delimiter: 'windows', bom: true },
  );
}

/** A CSV report as a download, never rendered by the browser. */
export function csvDownload(filename: string, csv: string): CachedAnswer {
  return {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    body: csv,
  };
}
