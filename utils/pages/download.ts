/** Saves text as a file through the browser's own download (no permission needed). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
