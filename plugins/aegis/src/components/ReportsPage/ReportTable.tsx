import { Table, type TableColumn } from '@backstage/core-components';

/** The rows of a report as a dense table, paged beyond ten rows. */
export function ReportTable<T extends object>(props: {
  columns: TableColumn<T>[];
  rows: T[];
}) {
  const { columns, rows } = props;
  return (
    <Table<T>
      columns={columns}
      data={rows}
      options={{
        paging: rows.length > 10,
        pageSize: 10,
        search: false,
        sorting: false,
        toolbar: false,
        padding: 'dense',
      }}
    />
  );
}
