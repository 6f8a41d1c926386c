import { fetchFile } from './client.ts';

/**
 * Fetches a file and hands it to the browser as a download. Going through fetch (not a plain link)
 * means a failure arrives as an ApiError the page can show, instead of a page of JSON.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const file = await fetchFile(path);
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
