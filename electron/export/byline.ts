/**
 * The byline as a line of a story: "By Jordan Vale". A journalist who typed "By Jordan Vale"
 * into the byline field gets that, not "By By Jordan Vale".
 */
export function bylineLine(byline: string): string {
  const name = byline.trim();
  return /^by\s/i.test(name) ? name : `By ${name}`;
}
