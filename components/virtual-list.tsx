/**
 * Virtualised list and table (only the rows in view are in the DOM), so a library of 10,000 templates
 * scrolls as smoothly as one of ten. Rows have a fixed height; text that does not fit is cut with an
 * ellipsis and shown whole in a tooltip. Up/Down arrows move focus between rows' first controls.
 */
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** Moves focus to the first control of row `index`, scrolling it into view first. */
function focusRow(scroller: HTMLElement | null, scrollToIndex: (i: number) => void, index: number): void {
  scrollToIndex(index);
  // The row may only exist after the virtualiser re-renders.
  requestAnimationFrame(() => {
    const row = scroller?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    row?.querySelector<HTMLElement>('button, input, [tabindex="0"]')?.focus();
  });
}

/** Rows to draw: the virtualiser's, or — while the scroller has no size yet (hidden, not laid out) — the first few. */
function visibleRows<T>(rows: VirtualItem[], items: readonly T[], rowHeight: number, getKey: (item: T) => string): Array<Pick<VirtualItem, 'index' | 'start' | 'key'>> {
  if (rows.length > 0 || items.length === 0) return rows;
  return items.slice(0, FALLBACK_ROWS).map((item, index) => ({ index, start: index * rowHeight, key: getKey(item) }));
}

const FALLBACK_ROWS = 20;

function arrowHandler(count: number, scroller: () => HTMLElement | null, scrollToIndex: (i: number) => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const current = Number(row.dataset.index);
    const next = event.key === 'ArrowDown' ? Math.min(count - 1, current + 1) : Math.max(0, current - 1);
    if (next === current) return;
    event.preventDefault();
    focusRow(scroller(), scrollToIndex, next);
  };
}

export function VirtualList<T>({
  items,
  rowHeight,
  maxHeight,
  getKey,
  renderItem,
  label,
  testId,
}: {
  items: readonly T[];
  rowHeight: number;
  maxHeight: number | string;
  getKey: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  label: string;
  testId?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // A stable key function: a new one makes the virtualiser re-measure every row (10,000 calls per frame).
  const itemKey = useCallback((index: number) => getKey(items[index]!), [items, getKey]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Before the first measurement (and where layout is unknown), show the first screenful.
    initialRect: { width: 0, height: typeof maxHeight === 'number' ? maxHeight : rowHeight * 10 },
    getItemKey: itemKey,
  });
  const onKeyDown = arrowHandler(items.length, () => scrollRef.current, (i) => virtualizer.scrollToIndex(i, { align: 'auto' }));
  return (
    <div ref={scrollRef} className="vlist-scroll" style={{ maxHeight, overflow: 'auto' }}>
      <ul
        aria-label={label}
        data-testid={testId}
        onKeyDown={onKeyDown}
        style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}
      >
        {visibleRows(virtualizer.getVirtualItems(), items, rowHeight, getKey).map((row) => (
          <li
            key={row.key}
            data-index={row.index}
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${row.start}px)` }}
          >
            {renderItem(items[row.index]!, row.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A column of a VirtualTable. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  /** CSS grid track (`2fr`, `120px`, `minmax(0, 1fr)`). */
  width: string;
  render: (item: T) => ReactNode;
  /** Tooltip text for the cell (the whole text of an ellipsised value). */
  title?: (item: T) => string;
  className?: string;
}

export function VirtualTable<T>({
  items,
  columns,
  rowHeight,
  height,
  getKey,
  label,
  isSelected,
  testId,
}: {
  items: readonly T[];
  columns: readonly Column<T>[];
  rowHeight: number;
  height: number | string;
  getKey: (item: T) => string;
  label: string;
  isSelected?: (item: T) => boolean;
  testId?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const itemKey = useCallback((index: number) => getKey(items[index]!), [items, getKey]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    initialRect: { width: 0, height: typeof height === 'number' ? height : rowHeight * 12 },
    getItemKey: itemKey,
  });
  const template = columns.map((c) => c.width).join(' ');
  const onKeyDown = arrowHandler(items.length, () => scrollRef.current, (i) => virtualizer.scrollToIndex(i, { align: 'auto' }));
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={items.length + 1} data-testid={testId}>
      <div role="rowgroup">
        <div className="vtable-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div key={c.key} role="columnheader" className={c.className}>
              {c.header}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="vtable-scroll" style={{ height }}>
        <div role="rowgroup" onKeyDown={onKeyDown} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {visibleRows(virtualizer.getVirtualItems(), items, rowHeight, getKey).map((row) => {
            const item = items[row.index]!;
            return (
              <div
                key={row.key}
                role="row"
                className="vtable-row"
                data-index={row.index}
                aria-rowindex={row.index + 2}
                data-selected={isSelected?.(item) ? 'true' : undefined}
                style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${row.start}px)` }}
              >
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={`vtable-cell ${c.className ?? ''}`} title={c.title?.(item)}>
                    {c.render(item)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
