// A table that stays fast at thousands of rows: TanStack Table sorts, TanStack Virtual draws only
// the rows in view (the page scrolls as usual; rows above and below are empty space of the right
// height), and the table keeps its real row count for screen readers.
import { useElementScrollRestoration } from '@tanstack/react-router';
import { flexRender, type Row, type Table } from '@tanstack/react-table';
import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';

interface VirtualTableProps<T> {
  table: Table<T>;
  label: string;
  /** A first guess of a row's height; rows are measured as they are drawn. */
  rowHeight: number;
  /** The first cell of a row is its header (the person's or event's name). */
  rowHeader?: boolean;
  className?: string;
  rowClassName?: (row: T) => string | undefined;
  /**
   * Which rows to show. Filtering after the table has sorted keeps a keystroke in a search box
   * from sorting thousands of rows again.
   */
  keep?: (row: T) => boolean;
  testId?: string;
}

/** Where the table starts on the page, for the window virtualizer (it changes with banners above). */
function useOffsetTop(element: HTMLElement | null): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => setTop(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [element]);
  return top;
}

/** Row heights measured per table, kept when the screen is left. */
const measured = new Map<string, VirtualItem[]>();

/** True while the page is being printed: a printed table has every row, not the ones in view. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // flushSync: the rows must be in the page before the browser lays it out for print.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

export function VirtualTable<T>({ table, label, rowHeight, rowHeader = true, className, rowClassName, keep, testId }: VirtualTableProps<T>) {
  const { t } = useTranslation();
  const [body, setBody] = useState<HTMLTableSectionElement | null>(null);
  const scrollMargin = useOffsetTop(body);
  const sorted = table.getRowModel().rows;
  const rows = useMemo(() => (keep ? sorted.filter((row) => keep(row.original)) : sorted), [sorted, keep]);
  // Back to a list: the page scrolls to where it was (the router remembers where), and the rows
  // drawn there are the same ones, because the row heights measured last time are reused.
  const scrollEntry = useElementScrollRestoration({ getElement: () => window });
  const cacheKey = testId ?? label;
  const virtualizer = useWindowVirtualizer({
    initialOffset: scrollEntry?.scrollY,
    initialMeasurementsCache: measured.get(cacheKey),
    count: rows.length,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const printing = usePrinting();
  const items = printing ? rows.map((row, index) => ({ key: row.id, index, start: 0, end: 0 })) : virtualizer.getVirtualItems();
  const before = !printing && items.length > 0 ? items[0].start - scrollMargin : 0;
  const after = !printing && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const columns = table.getVisibleLeafColumns().length;
  const headerRows = table.getHeaderGroups().length;
  useEffect(() => () => void measured.set(cacheKey, virtualizer.measurementsCache), [cacheKey, virtualizer]);
  const measure = useRef(virtualizer.measureElement);
  measure.current = virtualizer.measureElement;

  return (
    <table className={`virtual ${className ?? ''}`} aria-label={label} aria-rowcount={rows.length + headerRows} data-testid={testId}>
      {/* Fixed column widths: the columns must not jump as other rows scroll into view. */}
      <colgroup>
        {table.getVisibleLeafColumns().map((column) => (
          <col key={column.id} style={{ inlineSize: column.columnDef.meta?.width }} />
        ))}
      </colgroup>
      <thead>
        {table.getHeaderGroups().map((group, g) => (
          <tr key={group.id} aria-rowindex={g + 1}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const content = flexRender(header.column.columnDef.header, header.getContext());
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={header.column.columnDef.meta?.className}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {header.column.getCanSort() ? (
                    <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                      {content}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                      <span className="visually-hidden">{t('table.sortBy')}</span>
                    </button>
                  ) : (
                    content
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody ref={setBody}>
        {before > 0 && (
          <tr aria-hidden="true" className="spacer">
            <td colSpan={columns} style={{ blockSize: before }} />
          </tr>
        )}
        {items.map((item) => {
          const row = rows[item.index];
          return <VirtualRow key={item.key} row={row} index={item.index} rowIndex={item.index + headerRows + 1} measure={measure.current} rowHeader={rowHeader} className={rowClassName?.(row.original)} />;
        })}
        {after > 0 && (
          <tr aria-hidden="true" className="spacer">
            <td colSpan={columns} style={{ blockSize: after }} />
          </tr>
        )}
      </tbody>
    </table>
  );
}

function VirtualRow<T>({
  row,
  index,
  rowIndex,
  measure,
  rowHeader,
  className,
}: {
  className?: string;
  row: Row<T>;
  index: number;
  rowIndex: number;
  measure: (element: Element | null) => void;
  rowHeader: boolean;
}) {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={rowIndex} className={className}>
      {row.getVisibleCells().map((cell, i) => {
        const className = cell.column.columnDef.meta?.className;
        const content = flexRender(cell.column.columnDef.cell, cell.getContext());
        return rowHeader && i === 0 ? (
          <th key={cell.id} scope="row" className={className}>
            {content}
          </th>
        ) : (
          <td key={cell.id} className={className}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData, TValue> {
    className?: string;
    /** The column's share of the table ('30%', '6rem'); the rest share what is left. */
    width?: string;
  }
}
