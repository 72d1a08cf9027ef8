import { DOCX_STYLES } from '../../common/docx-styles.ts';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { imageSize } from 'image-size';
import { mediaIdFromUrl } from '../../common/media-url.ts';
import { htmlToBlocks, type Block, type Run } from '../../common/node/html-blocks.ts';
import type { ExportContext, Exporter } from '../types.ts';
import { bylineLine } from '../byline.ts';

const DOCX_IMAGE_TYPES: Record<string, 'png' | 'jpg' | 'gif' | 'bmp'> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
};
/** Widest an image may be on an A4/Letter page with normal margins, in pixels at 96 dpi. */
const MAX_IMAGE_WIDTH = 600;

/** A Word document with real headings, lists, quotes, links and captioned images. */
export const docxExporter: Exporter = {
  id: 'docx',
  label: 'Word document (DOCX)',
  extension: '.docx',
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  writes: 'bytes',
  render: async (article, context) => {
    const header: Paragraph[] = [
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(article.title)] }),
      ...(article.dek ? [new Paragraph({ style: 'Dek', children: [new TextRun(article.dek)] })] : []),
      ...(article.byline ? [new Paragraph({ style: 'Byline', children: [new TextRun(bylineLine(article.byline))] })] : []),
    ];
    const blocks = htmlToBlocks(article.html);
    const lead = firstParagraph(blocks);
    // A story with no paragraph to run the dateline into (a list, a table) gets it on a line of its own.
    const ownLine = lead === -1 && article.dateline.trim() ? [new Paragraph({ children: datelineRuns(article.dateline).slice(0, 1) })] : [];
    const body = [...ownLine, ...blocks.flatMap((block, index) => blockToDocx(block, context, index === lead ? article.dateline : ''))];
    const document = new Document({
      creator: article.byline || 'Dateline',
      title: article.title,
      description: article.dek,
      styles: {
        paragraphStyles: [
          {
            id: 'Dek',
            name: DOCX_STYLES.dek,
            basedOn: 'Normal',
            run: { size: 28, color: '5F5A52' },
            paragraph: { spacing: { after: 120 } },
          },
          { id: 'Byline', name: 'Byline', basedOn: 'Normal', run: { bold: true }, paragraph: { spacing: { after: 240 } } },
          {
            id: 'BlockQuote',
            name: DOCX_STYLES.blockQuote,
            basedOn: 'Normal',
            run: { italics: true },
            paragraph: { indent: { left: 720 } },
          },
          {
            id: 'PullQuote',
            name: DOCX_STYLES.pullQuote,
            basedOn: 'Normal',
            run: { size: 32, color: 'A3321F' },
            paragraph: { alignment: AlignmentType.CENTER },
          },
          { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { size: 18, color: '5F5A52' } },
          // Dateline's own styles, so a document opened again as a draft gets its pictures
          // (with caption and credit) and pull quotes (with attribution) back: docx-styles.ts.
          { id: 'Figure', name: DOCX_STYLES.figure, basedOn: 'Normal', paragraph: { spacing: { after: 60 } } },
          { id: 'FigureCaption', name: DOCX_STYLES.figureCaption, basedOn: 'Caption', run: { size: 18, color: '5F5A52' } },
          {
            id: 'PullQuoteAttribution',
            name: DOCX_STYLES.pullQuoteAttribution,
            basedOn: 'Caption',
            run: { size: 18, color: '5F5A52' },
            paragraph: { alignment: AlignmentType.CENTER },
          },
        ],
        characterStyles: [
          { id: 'Credit', name: DOCX_STYLES.credit, basedOn: 'DefaultParagraphFont', run: { italics: true } },
          { id: 'Dateline', name: DOCX_STYLES.dateline, basedOn: 'DefaultParagraphFont', run: { bold: true } },
        ],
      },
      numbering: {
        config: [
          {
            reference: 'bullets',
            levels: [
              {
                level: 0,
                format: LevelFormat.BULLET,
                text: '•',
                alignment: AlignmentType.LEFT,
                style: { paragraph: { indent: { left: 720, hanging: 360 } } },
              },
            ],
          },
          {
            reference: 'numbers',
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.LEFT,
                style: { paragraph: { indent: { left: 720, hanging: 360 } } },
              },
            ],
          },
        ],
      },
      sections: [{ children: [...header, ...body] }],
    });
    return new Uint8Array(await Packer.toBuffer(document));
  },
};

function firstParagraph(blocks: Block[]): number {
  return blocks.findIndex((block) => block.kind === 'paragraph');
}

/**
 * The dateline as it runs into the first paragraph, as written ("KYIV, Ukraine —") in its own
 * style so the Word reader gives it back as the dateline; a dash follows when it has none.
 */
function datelineRuns(dateline: string): TextRun[] {
  const place = dateline.trim();
  if (!place) return [];
  return [new TextRun({ text: place, style: 'Dateline' }), new TextRun(/[—–-]$/.test(place) ? ' ' : ' — ')];
}

function blockToDocx(block: Block, context: ExportContext, dateline: string): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph': {
      return [new Paragraph({ children: [...datelineRuns(dateline), ...runs(block.runs)] })];
    }
    case 'heading':
      return [
        new Paragraph({
          heading: [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][block.level - 2],
          children: runs(block.runs),
        }),
      ];
    case 'quote':
      return [new Paragraph({ style: 'BlockQuote', children: runs(block.runs) })];
    case 'pullquote':
      return [
        new Paragraph({ style: 'PullQuote', children: [new TextRun(`“${block.quote}”`)] }),
        ...(block.attribution ? [new Paragraph({ style: 'PullQuoteAttribution', children: [new TextRun(`— ${block.attribution}`)] })] : []),
      ];
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ numbering: { reference: block.ordered ? 'numbers' : 'bullets', level: 0 }, children: runs(item) }),
      );
    case 'rule':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] })];
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          // A header row is Word's own (repeated on each page, read back as one by the Word reader).
          rows: block.rows.map(
            (row, index) =>
              new TableRow({
                tableHeader: block.header[index],
                children: row.map((cell) => new TableCell({ children: [new Paragraph({ children: runs(cell) })] })),
              }),
          ),
        }),
      ];
    case 'image':
      return imageToDocx(block, context);
  }
}

function imageToDocx(block: Extract<Block, { kind: 'image' }>, context: ExportContext): Paragraph[] {
  const captionRuns = [
    ...(block.caption ? [new TextRun(block.caption)] : []),
    ...(block.caption && block.credit ? [new TextRun(' ')] : []),
    ...(block.credit ? [new TextRun({ text: block.credit, style: 'Credit' })] : []),
  ];
  const captionParagraph = captionRuns.length ? [new Paragraph({ style: 'FigureCaption', children: captionRuns })] : [];
  const id = mediaIdFromUrl(block.src);
  const media = id === null ? null : context.media(id);
  const type = media ? DOCX_IMAGE_TYPES[media.mimeType] : undefined;
  if (!media || !type) {
    return [
      new Paragraph({ style: 'Caption', children: [new TextRun(`[Image${block.altText ? `: ${block.altText}` : ''}]`)] }),
      ...captionParagraph,
    ];
  }
  const size = imageSize(media.bytes);
  const scale = Math.min(1, MAX_IMAGE_WIDTH / (size.width || MAX_IMAGE_WIDTH));
  return [
    new Paragraph({
      style: 'Figure',
      children: [
        new ImageRun({
          type,
          data: media.bytes,
          transformation: { width: Math.round((size.width || MAX_IMAGE_WIDTH) * scale), height: Math.round((size.height || 400) * scale) },
          altText: { name: block.altText || 'Image', description: block.altText, title: block.altText },
        }),
      ],
    }),
    ...captionParagraph,
  ];
}

function runs(input: Run[]): ParagraphChild[] {
  return input.map((run) => {
    if (run.lineBreak) return new TextRun({ text: '', break: 1 });
    const text = new TextRun({
      text: run.text,
      bold: run.bold,
      italics: run.italic,
      underline: run.underline ? {} : undefined,
      strike: run.strike,
      font: run.code ? 'Courier New' : undefined,
      style: run.link ? 'Hyperlink' : undefined,
    });
    return run.link ? new ExternalHyperlink({ link: run.link, children: [text] }) : text;
  });
}
