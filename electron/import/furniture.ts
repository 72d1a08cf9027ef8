/**
 * Headings news sites put above their lists of other stories. What follows one of them is site
 * furniture, not the story: it becomes related links.
 */
export const TRAILER_HEADING = new RegExp(
  '^(' +
    [
      'more (from|by) .{1,60}',
      'related( articles| stories| posts| news| reading| content| coverage| links)?',
      'read (more|next|also)',
      'more (stories|news|articles|headlines|like this|on this( story| topic)?)',
      'you (may|might) (also )?(like|enjoy)',
      'recommended( for you| stories| reading| articles)?',
      'also read',
      'see also',
      'trending( now| stories)?',
      'most (read|popular|viewed|shared)',
      'popular( now| stories| articles)?',
      'latest (news|stories|articles)',
      "don'?t miss",
      'further reading',
      'top stories',
      // The same headings on French, German, Spanish, Italian, Portuguese and Dutch sites.
      '(à )?lire (aussi|également)',
      'sur le même (sujet|thème)',
      '(à )?voir aussi',
      'les plus lus',
      'mehr (zum thema|dazu|aus .{1,40})',
      '(das könnte sie )?auch interessant|das könnte sie auch interessieren',
      'lesen sie (auch|mehr)',
      'weitere artikel',
      'meistgelesen',
      'lee (también|más)',
      'te puede interesar',
      'más noticias',
      'noticias relacionadas',
      'leggi anche',
      'potrebbe interessarti',
      'articoli correlati',
      'leia (também|mais)',
      'veja também',
      'lees ook',
      'meer (nieuws|over dit onderwerp)',
    ].join('|') +
    ')[\\s:.…-]*$',
  'iu',
);

/**
 * Headings over a story's list of topic or tag pages ("Related Topics", "Tags"). The list is
 * navigation, not a story to read next: it is taken out and kept nowhere.
 */
export const TOPIC_HEADING =
  /^(related topics|topics|tags|tagged|filed under|more about|explore( more)?( topics)?|topics in this (article|story))[\s:.…-]*$/i;
