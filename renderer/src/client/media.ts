import { useEffect, useState } from 'react';
import { libraryMediaUrl } from '../../../electron/common/media-url.ts';
import { call, transport } from './api.ts';
import { bytesFromBase64 } from './bytes.ts';

const blobUrls = new Map<number, Promise<string>>();

/**
 * The address an <img> can show a library image at. The desktop app serves media on its own
 * scheme; in browser mode the bytes come through the contract (with the session's secret)
 * and are shown from a blob: URL, since an <img> cannot send the secret itself.
 */
export function mediaUrl(id: number): Promise<string> {
  if (transport === 'desktop') return Promise.resolve(libraryMediaUrl(id));
  let url = blobUrls.get(id);
  if (!url) {
    url = call('media.get', { id }).then(({ mimeType, data }) => {
      return URL.createObjectURL(new Blob([bytesFromBase64(data)], { type: mimeType }));
    });
    blobUrls.set(id, url);
    url.catch(() => blobUrls.delete(id));
  }
  return url;
}

export function useMediaUrl(id: number): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    mediaUrl(id).then(
      (value) => current && setUrl(value),
      () => current && setUrl(null),
    );
    return () => {
      current = false;
    };
  }, [id]);
  return url;
}

/** Reads a File or Blob as base64, the form the contract carries bytes in. */
export function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}
