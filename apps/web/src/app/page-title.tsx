/** Sets the document title for the page it is rendered in (React hoists <title> into <head>). */
export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} · Vcentri`}</title>;
}
