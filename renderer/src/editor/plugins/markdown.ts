import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { isAllowedLink } from './links.ts';
import { $createHeadingNode, $isHeadingNode, HeadingNode, type HeadingTagType } from '@lexical/rich-text';

/** `## `, `### ` and `#### ` start headings; a story's only H1 is its headline. */
const NEWSROOM_HEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) => ($isHeadingNode(node) ? `${'#'.repeat(Number(node.getTag().slice(1)))} ${exportChildren(node)}` : null),
  regExp: /^(#{2,4})\s/,
  replace: (parentNode, children, match) => {
    const heading = $createHeadingNode(`h${match[1]!.length}` as HeadingTagType);
    heading.append(...children);
    parentNode.replace(heading);
    heading.select(0, 0);
  },
  type: 'element',
};

/** `[words](address)` links the words only to a web page or an e-mail address; anything else stays as typed. */
const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  replace: (node, match) => (isAllowedLink(match[2] ?? '') ? LINK.replace?.(node, match) : undefined),
};

export const MARKDOWN_SHORTCUTS: Transformer[] = [
  NEWSROOM_HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  SAFE_LINK,
];
