import { useEffect } from 'react';

const SITE = 'Vcentri';

/**
 * Sets the document title for the page it is rendered in, and puts the site's name back when the
 * page goes (unless the next page has already set its own). An effect, not a `<title>` element:
 * hoisting `<title>` into <head> is React 19's, and the portal runs on preact/compat.
 */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    const title = `${children} · ${SITE}`;
    document.title = title;
    return () => {
      if (document.title === title) document.title = SITE;
    };
  }, [children]);
  return null;
}
