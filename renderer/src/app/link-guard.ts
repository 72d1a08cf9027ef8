import { useEffect } from 'react';
import { isExternalLink, linkScheme } from '../../../electron/common/links.ts';

/**
 * Links in articles, notes and related stories open outside only for web and mail addresses.
 * Any other link is stopped before the browser or the shell acts on it, and `onRefused` is
 * told why, so the reader knows the click was seen.
 */
export function useLinkGuard(onRefused: (message: string) => void): void {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const href = link?.getAttribute('href');
      if (!href || href.startsWith('#')) return;
      const url = new URL(href, window.location.href).href;
      if (isExternalLink(url)) return;
      event.preventDefault();
      event.stopPropagation();
      const scheme = linkScheme(url) ?? 'unknown';
      onRefused(
        `This link was not opened: Dateline opens only web (http, https) and mail links, and this one is a “${scheme.replace(/:$/, '')}” link.`,
      );
    };
    // Capturing, and on auxiliary clicks too, so nothing below sees the click first.
    document.addEventListener('click', onClick, true);
    document.addEventListener('auxclick', onClick, true);
    return () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('auxclick', onClick, true);
    };
  }, [onRefused]);
}
