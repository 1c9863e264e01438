// A wide table's frame: it scrolls sideways inside itself (a 390 px phone keeps its page width),
// and it is a named, focusable region, so a keyboard user can reach it and scroll with the arrows.
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
