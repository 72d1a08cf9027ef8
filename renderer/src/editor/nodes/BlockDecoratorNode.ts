import { DecoratorNode } from 'lexical';
import type { JSX } from 'react';

/**
 * A block drawn by React (an image, a pull quote): its own line, its own DOM wrapper, and no
 * body text, since captions and pull quotes are counted apart from the story.
 */
export abstract class BlockDecoratorNode extends DecoratorNode<JSX.Element> {
  protected abstract readonly wrapperClass: string;

  override createDOM(): HTMLElement {
    const element = document.createElement('div');
    element.className = this.wrapperClass;
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return '';
  }
}
