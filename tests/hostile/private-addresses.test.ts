import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../electron/import/web/address-guard.ts';
import { fetchResource } from '../../electron/import/web/fetch.ts';
import { downloadArticle } from '../../electron/import/web/page.ts';
import { createDispatcher } from '../../electron/ipc/dispatcher.ts';
import { tempLibrary, testAppInfo } from '../helpers/temp.ts';
import { bytes, html, localWebsite, redirect } from '../helpers/web-server.ts';

/**
 * A saved link, a redirect or a picture that points at this computer or the network behind
 * it must not be fetched: the internal page would become part of the library (and
 * searchable). The test site listens on 127.0.0.1, so every refusal is also checked to have
 * made no request at all.
 */

const LIMITS = { maxBytes: 100_000, timeoutMs: 5000 };
const PRIVATE_MESSAGE = /does not download from this computer or a private network/;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAAAAT/gH/7oOUUQAAAABJRU5ErkJggg==', 'base64');

async function internalSite() {
  return localWebsite({
    '/secret': html(
      '<html><head><title>Router admin</title></head><body><article><h1>Router admin</h1><p>The admin password is hunter2.</p></article></body></html>',
    ),
    '/photo.png': bytes(PNG, 'image/png'),
  });
}

describe('addresses on this computer or a private network', () => {
  it('are known by their ranges, IPv4 and IPv6', () => {
    for (const address of [
      '127.0.0.1',
      '127.1.2.3',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:a00:1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '172.32.0.1'])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('are refused before any request, however the address is written', async () => {
    const site = await internalSite();
    const port = new URL(site.url('/')).port;
    for (const address of [
      site.url('/secret'),
      `http://localhost:${port}/secret`,
      `http://[::1]:${port}/secret`,
      `http://[::ffff:127.0.0.1]:${port}/secret`,
      `http://2130706433:${port}/secret`,
      `http://0x7f.1:${port}/secret`,
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://0.0.0.0/',
    ]) {
      await expect(fetchResource(address, LIMITS), address).rejects.toThrow(PRIVATE_MESSAGE);
    }
    expect(site.hits).toEqual([]);
  });

  it('are refused on a redirect, after DNS, though the first address was allowed', async () => {
    const site = await internalSite();
    const port = new URL(site.url('/')).port;
    const outside = await localWebsite({ '/story': redirect(`http://localhost:${port}/secret`) });
    await expect(fetchResource(outside.url('/story'), { ...LIMITS, allowHosts: ['127.0.0.1'] })).rejects.toThrow(/localhost, 127\.0\.0\.1/);
    expect(outside.hits).toEqual(['/story']);
  });

  it('are refused for a page’s pictures too, which become placeholders', async () => {
    const site = await internalSite();
    const port = new URL(site.url('/')).port;
    const story =
      '<p>The harbour reopened on Monday after the storm, and the first ferry left at noon with two hundred people aboard.</p>'.repeat(6);
    const page = await localWebsite({
      '/story': html(
        `<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1><img src="http://localhost:${port}/photo.png" alt="Quay">${story}</article></body></html>`,
      ),
    });
    const article = await downloadArticle(page.url('/story'), { images: true, allowHosts: ['127.0.0.1'] });
    expect(article.media ?? []).toEqual([]);
    expect(article.html).toContain('missing-image');
    expect(site.hits).toEqual([]);
  });

  it('are fetched only from the intranet hosts the newsroom’s policy names', async () => {
    const site = await internalSite();
    const port = new URL(site.url('/')).port;
    const fetched = await fetchResource(`http://localhost:${port}/secret`, { ...LIMITS, allowHosts: ['LOCALHOST'] });
    expect(Buffer.from(fetched.bytes).toString()).toContain('Router admin');
  });

  it('are refused through the contract, with a sentence, and nothing is stored', async () => {
    const site = await internalSite();
    const library = tempLibrary();
    const dispatch = createDispatcher({ library, app: testAppInfo, emit: () => undefined });
    const result = await dispatch('import.urls', { urls: [site.url('/secret')] });
    expect(result).toMatchObject({
      ok: true,
      value: { imported: [], failed: [{ error: { message: expect.stringMatching(PRIVATE_MESSAGE) } }] },
    });
    expect(site.hits).toEqual([]);
    expect(await dispatch('search.query', { query: 'hunter2' })).toMatchObject({ ok: true, value: { total: 0 } });
  });
});
