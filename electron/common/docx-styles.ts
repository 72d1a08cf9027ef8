/**
 * The Word styles Dateline writes for what Word has no element of its own for, by name: the
 * DOCX exporter names its paragraphs and runs with them, and the Word reader (mammoth's
 * style map) turns them back into the editor's picture and pull-quote forms, so a story
 * exported to Word and opened again as a draft keeps them.
 */
export const DOCX_STYLES = {
  dek: 'Dek',
  /** A character style: the dateline runs into the story's first paragraph. */
  dateline: 'Dateline',
  figure: 'Figure',
  figureCaption: 'Figure Caption',
  credit: 'Credit',
  blockQuote: 'Block Quote',
  pullQuote: 'Pull Quote',
  pullQuoteAttribution: 'Pull Quote Attribution',
} as const;

/** mammoth's style map: Word's styles (its own quote styles too) to the HTML the editor reads. */
export const DOCX_STYLE_MAP = [
  // Word's Title paragraph is the headline, as its Heading 1 would be.
  "p[style-name='Title'] => h1:fresh",
  // Word's Subtitle under it is the dek, as Dateline's own Dek paragraph is.
  "p[style-name='Subtitle'] => p.dek:fresh",
  `p[style-name='${DOCX_STYLES.dek}'] => p.dek:fresh`,
  `r[style-name='${DOCX_STYLES.dateline}'] => span.dateline`,
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  `p[style-name='${DOCX_STYLES.blockQuote}'] => blockquote > p:fresh`,
  `p[style-name='${DOCX_STYLES.pullQuote}'] => aside.pullquote > blockquote > p:fresh`,
  `p[style-name='${DOCX_STYLES.pullQuoteAttribution}'] => aside.pullquote > p.attribution:fresh`,
  `p[style-name='${DOCX_STYLES.figure}'] => figure:fresh`,
  `p[style-name='${DOCX_STYLES.figureCaption}'] => figure > figcaption:fresh`,
  `r[style-name='${DOCX_STYLES.credit}'] => span.credit`,
];
