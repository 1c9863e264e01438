// Whether the portal is laid out for a phone: the same breakpoint as the stylesheet's
// `@media (max-width: 51.99rem)`. Follows the window as it is resized or turned. Where there is no
// matchMedia (tests in jsdom), the screen is wide.
import { useSyncExternalStore } from 'react';

export const NARROW_SCREEN = '(max-width: 51.99rem)';

function query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(NARROW_SCREEN)
    : null;
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
}
