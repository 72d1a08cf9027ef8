import type { Page, TestInfo } from '@playwright/test';
import { expect, importAndOpen, openArticle, seriousViolations, selectText, test } from './fixtures.ts';

/**
 * Looked at, not only tested (issue 17): each main view at three window widths in each theme,
 * photographed into the test's output folder (kept as CI artifacts, not compared pixel by
 * pixel), with axe-core's serious and critical findings required to be none at each.
 */

const TITLE = 'Harbour board approves the new ferry pier after two years of objections from residents';
const STORY = [
  TITLE,
  'The harbour board approved the new ferry pier on Tuesday after two years of objections from residents of the old town.',
  'Construction starts in the spring. The old pier closes when the new one opens, the board said, and fares stay as they are.',
  'Residents who objected said they would ask the council to review the decision before any work begins on the shore.',
].join('\n\n');
const WIDTHS = [800, 1280, 1920] as const;
const THEMES = ['light', 'sepia', 'dark'] as const;

async function setUp(page: Page): Promise<void> {
  await importAndOpen(page, STORY, TITLE);
  await selectText(page, 'two years of objections');
  await page.keyboard.press('h');
  await openSidebar(page);
  await page.getByRole('button', { name: 'New draft' }).click();
  // Unfolded over the list in a narrow window, the sidebar folds away once used.
  if (page.viewportSize()!.width < 1100) await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  await page.getByLabel('Headline').fill('Pier vote goes to the council');
  await page.getByRole('textbox', { name: 'Article body' }).click();
  await page.keyboard.type('The council will review the harbour board’s decision on Monday.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
}

/** The sidebar, through its button where the window is narrow and it is folded. */
async function openSidebar(page: Page): Promise<void> {
  if (!(await page.getByRole('navigation', { name: 'Library' }).isVisible()))
    await page.getByRole('button', { name: 'Library menu' }).click();
}

async function showView(page: Page, name: string): Promise<void> {
  await openSidebar(page);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name, exact: true }).click();
}

/** Each view as a person reaches it, ready to be photographed and checked. */
const VIEWS: Record<string, (page: Page) => Promise<void>> = {
  library: async (page) => {
    await showView(page, 'All articles');
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('harbour');
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('button')).toHaveCount(2);
  },
  reader: async (page) => {
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
    await openArticle(page, TITLE);
    await expect(page.getByTestId('reader-body').locator('mark')).toHaveCount(1);
  },
  editor: async (page) => {
    await showView(page, 'Drafts');
    await page
      .getByRole('list', { name: 'Article list' })
      .getByRole('button', { name: /Pier vote/ })
      .click();
    await expect(page.getByLabel('Headline')).toHaveValue('Pier vote goes to the council');
  },
  highlights: async (page) => {
    await showView(page, 'Highlights');
    await expect(page.getByRole('list', { name: 'Highlights' })).toContainText('two years of objections');
  },
  settings: async (page) => {
    await openSidebar(page);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  },
};

async function photograph(page: Page, info: TestInfo, name: string): Promise<void> {
  // Nothing mid-transition or blinking in the picture.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: info.outputPath(`${name}.png`), animations: 'disabled', caret: 'hide' });
}

for (const width of WIDTHS) {
  test(`every view at ${width} px in the light, sepia and dark themes: photographed, and no serious accessibility finding`, async ({
    page,
    app,
  }, info) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(app.url);
    await setUp(page);
    const findings: string[] = [];
    for (const theme of THEMES) {
      await page.evaluate((value) => document.documentElement.setAttribute('data-theme', value), theme);
      for (const [view, reach] of Object.entries(VIEWS)) {
        await reach(page);
        await photograph(page, info, `${view}-${width}-${theme}`);
        findings.push(...(await seriousViolations(page)).map((finding) => `${view}, ${theme}: ${finding}`));
        if (view === 'settings') await page.keyboard.press('Escape');
      }
    }
    expect(findings).toEqual([]);
  });
}
