import { describe, expect, it } from 'vitest';
import { withoutRepeatedTitle } from '../../../electron/import/html/repeated-title.ts';

describe('a body that opens with its headline again', () => {
  it('loses that heading, inside wrappers too, whatever its spacing and case', () => {
    expect(withoutRepeatedTitle('<h1>Ferries resume</h1><p>Boats sail.</p>', 'Ferries resume')).toBe('<p>Boats sail.</p>');
    expect(withoutRepeatedTitle('<div><article><h2> Ferries\n RESUME </h2><p>Boats sail.</p></article></div>', 'Ferries resume')).toBe(
      '<div><article><p>Boats sail.</p></article></div>',
    );
  });

  it('keeps a heading that differs, comes after text, or is not a headline', () => {
    const cases = [
      '<h1>Ferries resume after strike</h1><p>Boats sail.</p>',
      '<p>Ferries resume</p><h1>Ferries resume</h1>',
      '<h3>Ferries resume</h3><p>Boats sail.</p>',
      '<p>Ferries resume said the union.</p>',
    ];
    for (const html of cases) expect(withoutRepeatedTitle(html, 'Ferries resume')).toBe(html);
    expect(withoutRepeatedTitle('<h1>Ferries resume</h1>', '')).toBe('<h1>Ferries resume</h1>');
  });
});
