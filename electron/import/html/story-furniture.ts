import { TEXT_NODE, parseBody, spacedText, type DomElement } from '../../common/node/html-dom.ts';
import { normalizeSpace } from '../../common/text.ts';
import { ROLE } from './metadata.ts';

/**
 * What a site prints in and around a story that Readability keeps as if it were the story:
 * advertisement labels between paragraphs, the byline and date lines under the headline (the
 * article's own fields show them), and the agency's trust-principles line at its foot. Taken
 * out of the extracted story, block by whole block, so no sentence of the story is touched.
 */
export function withoutStoryFurniture(html: string, article: { byline: string | null; dek?: string | null }): string {
  const body = parseBody(html);
  const blocks = textBlocks(body);
  const names = bylineNames(article.byline);
  const dek = comparableText(article.dek ?? '');
  let removed = false;
  const take = (block: DomElement, isFurniture: (text: string) => boolean) => {
    const owner = largestMatching(block, body, isFurniture);
    owner.remove();
    removed = true;
  };
  blocks.forEach((block, index) => {
    const text = spacedText(block);
    const leading = index < LEADING_BLOCKS;
    const trailing = index >= blocks.length - TRAILING_BLOCKS;
    const last = index === blocks.length - 1;
    if (isSiteLabel(text) || isCallToAction(text)) take(block, (line) => isSiteLabel(line) || isCallToAction(line));
    // The standfirst under the headline, which the article's dek shows already.
    else if (leading && dek && comparableText(text) === dek) take(block, (line) => comparableText(line) === dek);
    else if ((leading || last) && isDateLine(text)) take(block, isDateLine);
    else if (leading && isBylineLine(text, names)) take(block, (line) => isBylineLine(line, names));
    else if (leading && isMetaLine(text, names)) take(block, (line) => isMetaLine(line, names));
    else if (trailing && STANDARDS_LINE.test(text)) take(block, (line) => STANDARDS_LINE.test(line));
    else if (trailing && COPYRIGHT_LINE.test(text)) take(block, (line) => COPYRIGHT_LINE.test(line));
    else if (index >= blocks.length - PAYWALL_BLOCKS && isPaywallPrompt(text)) take(block, isPaywallPrompt);
  });
  return removed ? body.innerHTML : html;
}

/** More element children than this, and an ancestor is not one piece of furniture. */
const MAX_FURNITURE_CHILDREN = 16;

/** How many blocks from the top a byline or date line may be. */
const LEADING_BLOCKS = 4;
/** How many blocks from the end a standards line may be. */
const TRAILING_BLOCKS = 3;

const BLOCK =
  /^(P|DIV|H[1-6]|LI|UL|OL|DL|DT|DD|TABLE|BLOCKQUOTE|FIGURE|FIGCAPTION|ADDRESS|SECTION|ARTICLE|MAIN|HEADER|FOOTER|ASIDE|NAV|HGROUP|DETAILS|PRE|TIME)$/;

/**
 * The story's blocks that hold text and no other block, in reading order. A `<time>` counts
 * as a block only where it stands alone, not inside a sentence.
 */
function textBlocks(root: DomElement): DomElement[] {
  const blocks: DomElement[] = [];
  const stack: DomElement[] = Array.from(root.children).reverse();
  while (stack.length) {
    const element = stack.pop()!;
    const inner = Array.from(element.children).filter((child) => BLOCK.test(child.tagName) && !isInlineTime(child));
    if (inner.length === 0) {
      if (normalizeSpace(element.textContent ?? '') && !isInlineTime(element)) blocks.push(element);
    } else {
      // Text of the element's own beside its blocks is left where it is.
      stack.push(...inner.reverse());
    }
  }
  return blocks;
}

function isInlineTime(element: DomElement): boolean {
  if (element.tagName !== 'TIME' || !element.parentElement) return false;
  return Array.from(element.parentElement.childNodes).some(
    (node) => node.nodeType === TEXT_NODE && normalizeSpace(node.textContent ?? '') !== '',
  );
}

/** The block, or its largest ancestor below the root whose whole text is the same furniture. */
function largestMatching(block: DomElement, root: DomElement, isFurniture: (text: string) => boolean): DomElement {
  let owner = block;
  for (let parent = block.parentElement; parent && parent !== root; parent = parent.parentElement) {
    // A share bar or a label is a few elements; a container of many is the story, and reading
    // its whole text for every line in it would take time in the square of its length.
    if (parent.children.length > MAX_FURNITURE_CHILDREN || !isFurniture(spacedText(parent))) break;
    owner = parent;
  }
  return owner;
}

const ADVERTISEMENT_LABEL =
  /^(advertisements?|advertising|ad|sponsored|sponsored content|paid content|skip advertisement|(story|article) continues below( this)? (advertisement|ad)|continue reading (the main story|below)|scroll to continue( with content)?|content continues below)$/i;

/** "Share this story Twitter Facebook Email": a share bar's label and its buttons' names. */
const SHARE_BAR =
  /^(share|share this( story| article| page| post)?|share on|copy link|partager( cet article)?|(artikel )?teilen|compartir|condividi|compartilhar|delen|dela)(\s*:)?(\s+(on\s+)?(twitter|x|facebook|email|e-mail|mail|courriel|whatsapp|linkedin|reddit|telegram|bluesky|threads|mastodon|pinterest|messenger|flipboard|print|imprimer|drucken|copy link|copied|link|lien))*$/i;

/** A video player's own words, left in the page where the player was: "Video duration 2:31", "Play video". */
const PLAYER_LABEL =
  /^(video duration|duration|length)\s*:?\s*\d{1,2}:\d{2}(:\d{2})?$|^((play|replay|pause|watch) (the )?video|now playing|video unavailable|this video is (not|no longer) available)$/i;

function isSiteLabel(text: string): boolean {
  const label = text.replace(/[\s.:…-]+$/, '');
  return ADVERTISEMENT_LABEL.test(label) || SHARE_BAR.test(label) || PLAYER_LABEL.test(label);
}

/**
 * The site asking something of its reader between or after the paragraphs: "Sign up to First
 * Edition, our free daily newsletter", "Follow us on Twitter and Facebook", "Have a story?
 * Email us at …". It opens with the call and names what it calls to (a newsletter, an app, a
 * social network, an address to write to), so a story's sentence about signing up stays.
 */
const CALL_TO_ACTION =
  /^(sign up|subscribe|get (our|the)\b|(follow|join|like|find) us on|download (our|the)\b|have a (story|news tip|tip)|got a (story|news tip|tip)|do you have a (story|tip)|(e-?mail|contact|write to) us)\b/i;
const CALLED_TO =
  /\b(newsletters?|inbox|our app|the app|app store|twitter|facebook|instagram|whatsapp|telegram|tiktok|youtube|bluesky|threads|linkedin|e-?mail us|[\w.+-]+@[\w-]+\.[\w.]+)\b/i;
const MAX_CALL_WORDS = 40;

function isCallToAction(text: string): boolean {
  const line = text.replace(/^[\s*•►▶→»-]+/u, '');
  return CALL_TO_ACTION.test(line) && CALLED_TO.test(line) && line.split(' ').length <= MAX_CALL_WORDS;
}

/** How many blocks from the end a paywall's prompt may reach (its heading, offer, button, log-in line). */
const PAYWALL_BLOCKS = 6;
const PAYWALL_PROMPT =
  /^(subscribe( now| today)?|subscribe (to|for) (keep|continue|full|unlimited|read)\b.*|already (a subscriber|a member|have an account)\??( (log|sign) in)?|(log|sign) in to (keep|continue) reading|continue reading with .{0,40}|get (unlimited|full|digital) access\b.{0,120}|this (article|story|content) is (only )?(for|available to) (subscribers|members)( only)?|(start|try) (your )?free trial|cancel any ?time|to (keep|continue) reading,? .{0,60}(subscribe|log in|sign in).{0,40})$/i;

/** Where the story is cut for non-subscribers, the site's offer: "Subscribe to keep reading", "Already a subscriber? Log in". */
function isPaywallPrompt(text: string): boolean {
  return PAYWALL_PROMPT.test(text.replace(/[\s.!…]+$/u, ''));
}

/** "© 2026 The Daily Planet. All rights reserved." at the story's foot (a picture's "© Ana Ruiz" names no year). */
const COPYRIGHT_LINE = /^(©|\(c\)|copyright\b)\s*(\d{4}\b.{0,120}|.{0,120}\ball rights reserved\b.{0,40})$/i;

/** "Our Standards: The Thomson Reuters Trust Principles." and its kind. */
const STANDARDS_LINE = /^our standards:.{0,80}$/i;

// English months, and the other languages' where their names start differently (janv, märz, dic…).
const MONTH =
  '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|févr|fév|avr|mai|juin|juil|août|déc|okt|dez|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|fev|mei|maa)\\p{L}*\\.?';
/** A word in any script, as `\b` sees only ASCII ones. */
const word = (alternatives: string) => `(?<!\\p{L})(${alternatives})(?!\\p{L})`;
const WEEKDAY =
  '(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mer|jeu|ven|sam|dim|mont|dien|mitt|donn|frei|sams|sonn|mart|miér|juev|vier|sáb|dom)\\p{L}*\\.?';
const DATE_WORDS = new RegExp(
  [
    // Before the bare numbers, which would take the "3" of "3 hours ago".
    '\\b(an?|\\d+) (second|minute|hour|day|week|month|year)s? ago\\b',
    `\\b${MONTH}`,
    `\\b${WEEKDAY}`,
    '\\b(first |last )?(published|updated|posted|modified)( on| at)?\\b',
    word(
      'publié|publiée|mis à jour|modifié|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|atualizado',
    ),
    '\\b(on|at|of|the)\\b',
    word('le|à|am|um|uhr|de|del|el|di|alle|du|om|às'),
    '\\b\\d{1,2}h\\d{2}\\b',
    '\\b\\d{1,4}(st|nd|rd|th)?\\b',
    '\\b(a\\.?m|p\\.?m)\\.?',
    '\\b(gmt|utc|bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ist|aest|aedt|jst)\\b',
    '\\b(just now|yesterday|today)\\b',
    '[T:/.,·|+()–—-]',
  ].join('|'),
  'giu',
);

/** A line that is only a date or time, with at most a "Published"/"Updated" label. */
export function isDateLine(text: string): boolean {
  if (text.length > 80 || !/\d|\bago\b|\byesterday\b/i.test(text)) return false;
  // A time alone ("10:14 GMT") is kept: in a live blog it is an entry's time, part of the story.
  if (!new RegExp(`\\b${MONTH}|\\d{4}-\\d{2}-\\d{2}|\\bago\\b|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}`, 'iu').test(text)) return false;
  return text.replace(DATE_WORDS, ' ').trim() === '';
}

function bylineNames(byline: string | null): string[] {
  return normalizeSpace(byline ?? '')
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "By Ana Ruiz and Tom Field", "By Ana Ruiz, Political Correspondent", or the byline's names
 * alone: a line naming the article's own authors (one or more of them), at most followed by a
 * role in capitals. A sentence that happens to open with "By" or a name is not one.
 */
function isBylineLine(text: string, names: string[]): boolean {
  if (names.length === 0 || text.split(' ').length > 20) return false;
  const name = `(${names.map(escapeRegExp).join('|')})`;
  // Names in any case ("OLENA KRAVETS"); a role only in capitals, so a sentence does not pass.
  const list = `(?i:${name}(\\s*(,|&|\\band\\b)\\s*${name})*)`;
  // A role, a desk, a place: "Political Correspondent", "BBC News, Kyiv", "in Kyiv".
  const role = "([\\s,|·–—-]+(in\\s+)?\\p{Lu}[\\p{L}'’.-]*([\\s,]+(of|for|and|&|in|\\p{Lu}[\\p{L}'’.-]*)){0,5})?";
  const line = text.replace(/\s+/g, ' ');
  return new RegExp(`^((?i:(written|words|story|reporting)\\s+)?(?i:by):?\\s+)?${list}${role}$`, 'u').test(line);
}

const READING_TIME = /^\d+\s*(min|mins|minutes?)(\s+read)?$/i;
const META_CALLS = /^(follow|listen|share|save|subscribe)$/i;

/** "Tom Field · 5 min read · 6 June 2026": a blogging platform's line of the author's facts. */
function isMetaLine(text: string, names: string[]): boolean {
  const parts = text.split(/\s*[·•|]\s*/).filter(Boolean);
  if (parts.length < 2) return false;
  return parts.every(
    (part) => isDateLine(part) || READING_TIME.test(part) || META_CALLS.test(part) || isBylineLine(part, names) || isBylineRemnant(part),
  );
}

/**
 * What is left of a byline line once its linked names were taken out before extraction:
 * "By , Staff Writer", "By and , Staff Writer", "Par".
 */
function isBylineRemnant(text: string): boolean {
  const rest = /^(by|par|von|por|door|di)\b(\s*(,|:|&|\band\b|\bet\b|\bund\b))*\s*(.*)$/iu.exec(text)?.[4];
  if (rest === undefined) return false;
  return rest === '' || (ROLE.test(rest) && /^(\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(rest));
}

export function comparableText(text: string): string {
  return normalizeSpace(text).toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}
