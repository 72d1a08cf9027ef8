import { useCallback, useEffect, useRef, useState } from 'react';
import { isExternalLink, linkScheme, linkSite, outgoingLink } from '../../../electron/common/links.ts';
import type { SettingsState } from '../ui/settings.ts';
import { Dialog, FIRST_FIELD } from '../ui/dialog.tsx';

export interface PendingLink {
  /** Where the link goes, as it will leave the app (a mail link stripped of attachments). */
  url: string;
  site: string;
}

/** Hands a link to the system's browser or mail program (the desktop shell checks it again). */
function openOutside(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

/**
 * Links in articles, notes and related stories leave the app only for web and mail
 * addresses, and only once the reader has seen where they go: the first link to each site
 * asks (or every link, by setting). Any other link is stopped before the browser or the
 * shell acts on it, and `onRefused` is told why, so the reader knows the click was seen.
 */
export function useLinkGuard(onRefused: (message: string) => void, { settings, change }: SettingsState) {
  const [pending, setPending] = useState<PendingLink | null>(null);
  const current = useRef(settings);
  current.current = settings;

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const href = link?.getAttribute('href');
      if (!href || href.startsWith('#')) return;
      const url = new URL(href, window.location.href).href;
      event.preventDefault();
      event.stopPropagation();
      const outgoing = isExternalLink(url) ? outgoingLink(url) : null;
      if (!outgoing) {
        const scheme = linkScheme(url) ?? 'unknown';
        onRefused(
          `This link was not opened: Dateline opens only web (http, https) and mail links, and this one is a “${scheme.replace(/:$/, '')}” link.`,
        );
        return;
      }
      const site = linkSite(outgoing);
      const known = current.current;
      if (known?.linkConfirmation === 'once-per-site' && known.trustedLinkSites.includes(site)) openOutside(outgoing);
      else setPending({ url: outgoing, site });
    };
    // Capturing, and on auxiliary clicks too, so nothing below sees the click first.
    document.addEventListener('click', onClick, true);
    document.addEventListener('auxclick', onClick, true);
    return () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('auxclick', onClick, true);
    };
  }, [onRefused]);

  const confirm = useCallback(() => {
    if (!pending) return;
    openOutside(pending.url);
    const known = current.current;
    if (known?.linkConfirmation === 'once-per-site' && !known.trustedLinkSites.includes(pending.site)) {
      void change({ trustedLinkSites: [...known.trustedLinkSites, pending.site].slice(-1000) }).catch(() => undefined);
    }
    setPending(null);
  }, [pending, change]);

  return { pending, confirm, cancel: useCallback(() => setPending(null), []) };
}

/** Where a link goes, shown before it leaves the app. */
export function LinkConfirmDialog({
  link,
  oncePerSite,
  onOpen,
  onCancel,
}: {
  link: PendingLink;
  oncePerSite: boolean;
  onOpen: () => void;
  onCancel: () => void;
}) {
  const mail = link.url.startsWith('mailto:');
  return (
    <Dialog title={mail ? 'Write an e-mail?' : 'Open this link?'} onClose={onCancel}>
      <p>{mail ? 'This link opens your mail program with a message to:' : 'This link opens in your browser:'}</p>
      <p className="link-destination">
        <code>{link.url}</code>
      </p>
      {oncePerSite && <p className="setting-footer">Dateline will not ask again for links to {link.site}.</p>}
      <div className="dialog-actions">
        <button type="button" className="primary" {...FIRST_FIELD} onClick={onOpen}>
          {mail ? 'Write e-mail' : 'Open link'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
