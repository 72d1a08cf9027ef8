/** What the page gives the extension: its DOM as rendered, and the pictures it shows. */
export interface PageSnapshot {
  url: string;
  title: string;
  html: string;
  selection: string;
  /** Absolute addresses of the pictures in the page, in order, once each. */
  pictures: string[];
}

/**
 * Runs in the page (chrome.scripting.executeScript serialises it, so it must use nothing
 * from outside its own body). The page is copied as it stands after its scripts ran, so what
 * a login or a paywall showed the person is in it; pictures keep the source the browser
 * chose (srcset, lazy loading), addresses are made absolute, and scripts are left behind.
 */
export function snapshotPage(): PageSnapshot {
  const live = Array.from(document.images);
  const copy = document.documentElement.cloneNode(true) as HTMLElement;
  const copies = Array.from(copy.querySelectorAll('img'));
  const pictures: string[] = [];
  live.forEach((image, index) => {
    const twin = copies[index];
    if (!twin) return;
    const chosen = image.currentSrc || image.src;
    if (!chosen) return;
    twin.setAttribute('src', chosen);
    twin.removeAttribute('srcset');
    twin.removeAttribute('loading');
    if (/^https?:/i.test(chosen) && !pictures.includes(chosen)) pictures.push(chosen);
  });
  for (const picture of Array.from(copy.querySelectorAll('picture source'))) picture.remove();
  for (const element of Array.from(copy.querySelectorAll('script, iframe, object, embed'))) element.remove();
  for (const link of Array.from(copy.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const live = new URL(link.getAttribute('href') ?? '', document.baseURI);
    link.setAttribute('href', live.href);
  }
  return {
    url: location.href,
    title: document.title,
    html: `<!doctype html>\n${copy.outerHTML}`,
    selection: String(window.getSelection() ?? ''),
    pictures,
  };
}

/**
 * Runs in the page: each picture's bytes as the browser has them (from its cache when it
 * can), as base64, or null where the page's origin may not read them (another site, no CORS).
 */
export async function picturesFromPage(urls: string[]): Promise<(string | null)[]> {
  const one = async (url: string): Promise<string | null> => {
    try {
      const response = await fetch(url, { cache: 'force-cache', credentials: 'include' });
      if (!response.ok) return null;
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    } catch {
      return null;
    }
  };
  return Promise.all(urls.map(one));
}
