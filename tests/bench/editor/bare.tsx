import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { createRoot } from 'react-dom/client';

/**
 * The baseline: Lexical's rich-text editor with history and nothing of ours, opened on the
 * same document the app opens. Its state arrives as ?state=<file> from the bench server.
 */
const file = new URLSearchParams(location.search).get('state') ?? '';
const state = await (await fetch(file)).text();

createRoot(document.getElementById('root')!).render(
  <LexicalComposer
    initialConfig={{
      namespace: 'bare',
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode],
      editorState: state,
      onError: (error) => {
        throw error;
      },
    }}
  >
    <RichTextPlugin contentEditable={<ContentEditable aria-label="Article body" />} ErrorBoundary={LexicalErrorBoundary} />
    <HistoryPlugin />
  </LexicalComposer>,
);
