import type { RelatedLink } from '../../common/model.ts';
import type { DomDocument, DomElement } from '../../common/node/html-dom.ts';
import { normalizeSpace } from '../../common/text.ts';
import { TOPIC_HEADING, TRAILER_HEADING } from '../furniture.ts';
import { absoluteUrl } from './metadata.ts';

const RELATED_CONTAINER = /(^|[-_\s])(related|more-from|more-stories|recommended|read-next|trending|most-read|outbrain|taboola)([-_\s]|$)/i;
/** A block with more words than this outside its links is part of the story, not a link list. */
const MAX_PROSE_WORDS = 40;

/**
 * Takes "More from …", "Related articles" and similar blocks out of the page before the
 * story is extracted, and returns their links. Only blocks that are mostly links go.
 */
export function extractRelatedLinks(document: DomDocument, pageUrl: string | null): RelatedLink[] {
  const blocks = new Set<DomElement>();
  for (const heading of Array.from(document.querySelectorAll('h2, h3, h4, h5, h6, strong, b, p, span, div'))) {
    if (heading.children.length > 2 || !TRAILER_HEADING.test(normalizeSpace(heading.textContent ?? ''))) continue;
    const block = linkBlock(heading);
    if (block) blocks.add(block);
    else for (const part of listAfter(heading)) blocks.add(part);
  }
  for (const line of Array.from(document.querySelectorAll('p, li'))) if (isLabelledLink(line)) blocks.add(line);
  for (const element of Array.from(document.querySelectorAll('aside, section, div, nav, ul'))) {
    if (RELATED_CONTAINER.test(`${element.id} ${element.className}`) && isLinkList(element)) blocks.add(element);
  }
  const links: RelatedLink[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    for (const anchor of Array.from(block.querySelectorAll('a[href]'))) {
      const title = normalizeSpace(anchor.textContent ?? '');
      const url = absoluteUrl(anchor.getAttribute('href'), pageUrl);
      if (title.length < 8 || (url && seen.has(url))) continue;
      if (url) seen.add(url);
      links.push({ title, url });
    }
    block.remove();
  }
  return links;
}

/**
 * Takes the site's menus out of the page: every `<nav>` that is a list of links, and a
 * masthead `<header>` outside the story (no headline in it). Readability keeps them when a
 * short story makes it choose the page's wrapper.
 */
export function removeSiteNavigation(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll('nav'))) if (isLinkList(element)) element.remove();
  for (const element of Array.from(document.querySelectorAll('header'))) {
    if (!element.closest('article, main') && !element.querySelector('h1') && isLinkList(element)) element.remove();
  }
}

/** A topic link is a word or three ("Transport", "Local government"), never a headline. */
const MAX_TOPIC_WORDS = 4;
const MAX_TOPIC_HEADING_WORDS = 5;

/** Takes the story's "Related topics" and "Tags" lists out of the page; their links are not kept. */
export function removeTopicLists(document: DomDocument): void {
  for (const heading of Array.from(document.querySelectorAll('h2, h3, h4, h5, h6, strong, b, p, span, div'))) {
    if (heading.children.length > 2 || !TOPIC_HEADING.test(normalizeSpace(heading.textContent ?? ''))) continue;
    const block = linkBlock(heading);
    const anchors = block ? Array.from(block.querySelectorAll('a[href]')) : [];
    const linkWords = anchors.reduce((sum, anchor) => sum + words(anchor.textContent), 0);
    const shortLinks = anchors.every((anchor) => words(anchor.textContent) <= MAX_TOPIC_WORDS);
    // Only the heading and its links: a block with prose of its own beside them stays.
    if (block && shortLinks && words(block.textContent) - linkWords <= MAX_TOPIC_HEADING_WORDS) block.remove();
  }
}

/** The smallest ancestor of a heading that holds its links, if it is a list of links. */
function linkBlock(heading: DomElement): DomElement | null {
  for (let block = heading.parentElement; block && block.tagName !== 'BODY'; block = block.parentElement) {
    if (block.querySelectorAll('a[href]').length >= 1) return isLinkList(block) ? block : null;
  }
  return null;
}

/**
 * "READ MORE" on a line of its own inside the story, and the list of links right after it:
 * the line and the list, when the list is links and little else.
 */
function listAfter(heading: DomElement): DomElement[] {
  const label = normalizeSpace(heading.textContent ?? '');
  let line = heading;
  while (line.parentElement && line.parentElement.tagName !== 'BODY' && normalizeSpace(line.parentElement.textContent ?? '') === label)
    line = line.parentElement;
  const next = line.nextElementSibling;
  return next && /^(UL|OL|DIV|P)$/.test(next.tagName) && isMostlyLinks(next) ? [line, next] : [];
}

/** "RELATED: Storm warning for the coast", "Lire aussi : …": a label, then only a link's words. */
function isLabelledLink(line: DomElement): boolean {
  const text = normalizeSpace(line.textContent ?? '');
  const split = /^(.{2,40}?)\s*[:–—]\s+(.+)$/u.exec(text);
  if (!split || !TRAILER_HEADING.test(split[1]!)) return false;
  const linked = normalizeSpace(Array.from(line.querySelectorAll('a[href]'), (anchor) => anchor.textContent ?? '').join(' '));
  return linked !== '' && linked === normalizeSpace(split[2]!);
}

/** Links, with at most a few words of their own around them. */
function isMostlyLinks(element: DomElement): boolean {
  const anchors = Array.from(element.querySelectorAll('a[href]'));
  const linkWords = anchors.reduce((sum, anchor) => sum + words(anchor.textContent), 0);
  return anchors.length > 0 && linkWords >= 0.7 * words(element.textContent);
}

function isLinkList(element: DomElement): boolean {
  const anchors = Array.from(element.querySelectorAll('a[href]'));
  if (anchors.length === 0) return false;
  const linkWords = anchors.reduce((sum, anchor) => sum + words(anchor.textContent), 0);
  return words(element.textContent) - linkWords <= MAX_PROSE_WORDS;
}

function words(text: string | null): number {
  return normalizeSpace(text ?? '')
    .split(' ')
    .filter(Boolean).length;
}
