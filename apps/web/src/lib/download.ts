// Saving a file the portal fetched itself (with the session's token) under a given name.

/** Offers the browser a file to save, through a short-lived Blob address. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; the address is let go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
