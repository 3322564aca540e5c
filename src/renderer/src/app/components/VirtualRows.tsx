import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/**
 * A scrolling list that only renders the rows in view (100k plan rows scroll smoothly). Rows are fixed-height
 * divs laid out with the same CSS grid as the header, so columns line up without a <table>.
 */
export function VirtualRows({
  count,
  rowHeight = 32,
  height = 380,
  label,
  renderRow,
}: {
  count: number;
  rowHeight?: number;
  height?: number;
  label: string;
  renderRow(index: number): React.ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  return (
    <div
      className="vtable-scroll"
      ref={scrollRef}
      style={{ height }}
      role="rowgroup"
      aria-label={label}
      tabIndex={0}
      data-testid="virtual-rows"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            className="vtable-row"
            role="row"
            aria-rowindex={item.index + 2}
            style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
          >
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
