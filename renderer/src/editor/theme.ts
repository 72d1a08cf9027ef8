import type { EditorThemeClasses } from 'lexical';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  quote: 'ed-quote',
  heading: { h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li', nested: { listitem: 'ed-li-nested' } },
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
    code: 'ed-code',
  },
  link: 'ed-link',
  hr: 'ed-hr',
  table: 'ed-table',
  tableCell: 'ed-table-cell',
  tableCellHeader: 'ed-table-header',
  // A passage a desk comment is on (resolved and active are set by the comments plugin).
  mark: 'comment-mark',
  markOverlap: 'comment-mark overlap',
};
