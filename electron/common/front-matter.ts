/**
 * The front matter keys of a Markdown file, in one place: the exporter writes the first key
 * of each field, and the importers (article and draft) read any of them, first found
 * first, so a file Dateline wrote comes back with what it carried, and files from static-
 * site tools (author, description, date, url) are read as well.
 */
export const FRONT_MATTER_KEYS = {
  title: ['title'],
  dek: ['dek', 'description', 'summary'],
  byline: ['byline', 'author'],
  dateline: ['dateline'],
  source: ['source', 'url'],
  published: ['published', 'date'],
  tags: ['tags'],
} as const;

type Field = keyof typeof FRONT_MATTER_KEYS;

/** Every value given for a field, in the order of its keys. */
export function frontMatterValues(frontMatter: Readonly<Record<string, string>>, field: Field): string[] {
  return FRONT_MATTER_KEYS[field].map((key) => frontMatter[key]).filter((value): value is string => Boolean(value));
}

/** The first value given for a field. */
export function frontMatterValue(frontMatter: Readonly<Record<string, string>>, field: Field): string | undefined {
  return frontMatterValues(frontMatter, field)[0];
}
