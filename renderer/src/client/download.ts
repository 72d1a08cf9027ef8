import { bytesFromBase64 } from './bytes.ts';

/** Hands a file to the browser's download (the desktop app shows its native save dialog). */
export function download(fileName: string, mimeType: string, base64: string): void {
  const url = URL.createObjectURL(new Blob([bytesFromBase64(base64)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
