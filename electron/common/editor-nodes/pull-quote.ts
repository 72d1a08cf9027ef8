import { z } from 'zod';
import { escapeHtml } from '../text.ts';
import type { EditorNodeDefinition } from './types.ts';

/** A line of the story set large, with who said it. It repeats the story, so it is not body. */
export interface PullQuotePayload {
  quote: string;
  attribution: string;
}

const text = z.string().catch('');

export const pullQuoteNode: EditorNodeDefinition<PullQuotePayload> = {
  type: 'pullquote',
  version: 1,
  tags: ['ASIDE'],
  payload: z.object({ quote: text, attribution: text }),
  html: ({ quote, attribution }) =>
    `<aside class="pullquote"><blockquote><p>${escapeHtml(quote)}</p></blockquote>${
      attribution ? `<p class="attribution">${escapeHtml(attribution)}</p>` : ''
    }</aside>`,
  bodyText: () => '',
  readableText: ({ quote, attribution }) => `“${quote}”${attribution ? ` — ${attribution}` : ''}`,
  // Markdown has no pull quote: it is written as its HTML (an HTML block), not as a block
  // quote, which would come back as a quotation of the story's.
  markdown: (payload) => pullQuoteNode.html(payload),
  matches: (element) => element.tagName === 'ASIDE' && element.classList.contains('pullquote'),
  // Plain text and Word write the quote in quotation marks and the attribution after a dash.
  read: (element) => ({
    quote: (element.querySelector('blockquote')?.textContent?.trim() ?? '').replace(/^[“"](.*)[”"]$/s, '$1'),
    attribution: (element.querySelector('.attribution')?.textContent?.trim() ?? '').replace(/^[—–-]\s*/, ''),
  }),
};
