/**
 * Files a journalist opens as a new draft to keep writing: Word documents and Markdown. The
 * importer checks them, and the window's file picker offers them.
 */
export const DRAFT_EXTENSIONS = ['.docx', '.md', '.markdown'] as const;
