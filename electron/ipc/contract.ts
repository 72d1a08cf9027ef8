import { z } from 'zod';
import { errorCodes } from '../common/errors.ts';
import {
  articleId,
  articleStatesSchema,
  highlightListSchema,
  highlightPatchSchema,
  highlightQuerySchema,
  highlightSchema,
  newHighlightSchema,
  BULK_LIMIT,
  bulkIdsSchema,
  stateChangeSchema,
  articleListSchema,
  articlePatchSchema,
  readingProgressSchema,
  isoTime,
  articleSchema,
  draftFieldsSchema,
  listQuerySchema,
  searchQuerySchema,
  searchWords,
  searchResultsSchema,
  tagCountSchema,
  revisionSchema,
  revisionSummarySchema,
  tagName,
} from '../common/model.ts';
import { settingsPatchSchema, settingsSchema } from '../common/settings.ts';
import { backupInfoSchema, backupName } from '../common/backups.ts';
import {
  captureClientSchema,
  captureResultSchema,
  captureStatusSchema,
  capturedPageSchema,
  captureToken,
  extensionOrigin,
  pairingInputSchema,
} from '../common/capture.ts';
import { DESK_STORY_NAME } from '../common/desk.ts';
import { feedAddress, feedId, feedPatchSchema, feedSchema, opmlImportSchema } from '../common/feeds.ts';

/**
 * The one table of everything the renderer may ask of the Node side, and of everything the
 * Node side may tell it. The handler table, the Electron preload bridge, the browser-mode
 * client and the renderer's type of `window.dateline` are all derived from it.
 */

/** Base64 bytes of one file picked or dropped in the renderer, capped at about 50 MB. */
const importedFile = z.strictObject({
  name: z.string().min(1).max(1000),
  data: z.base64().max(70_000_000),
});

const importFailure = z.object({
  path: z.string(),
  error: z.object({ code: z.enum(errorCodes), message: z.string() }),
});

export const importSummarySchema = z.object({
  imported: z.array(z.object({ id: articleId, title: z.string(), path: z.string() })),
  /** `merged`: what the copy added to the stored article (its tags, read, favorite, archived). */
  duplicates: z.array(z.object({ id: articleId, title: z.string(), path: z.string(), merged: z.array(z.string()) })),
  failed: z.array(importFailure),
  /** Entries of imported files that could not be kept (an address that is not a web address). */
  leftOut: z.array(z.object({ path: z.string(), reason: z.string(), count: z.number().int().positive(), titles: z.array(z.string()) })),
  /** How files were read, where it matters to the person (bytes that were not text, replaced). */
  notes: z.array(z.object({ path: z.string(), note: z.string() })),
  cancelled: z.boolean(),
  /** The disk refused a write, which stopped the import; what was imported until then stays. */
  stopped: z.object({ code: z.enum(errorCodes), message: z.string() }).nullable(),
});

/**
 * Names one import a window started, so that window tells its own import's events (which may
 * arrive after the call has answered) from imports started elsewhere. Null: the desktop shell.
 */
const importJob = z.string().min(1).max(64);

export const downloadProgressSchema = z.object({
  running: z.boolean(),
  done: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  current: z.string().nullable(),
  /** Saved links in the library not downloaded yet, and those whose download failed. */
  waiting: z.number().int().nonnegative(),
  failedTotal: z.number().int().nonnegative(),
});

/** A web address typed or pasted by a person; only the web (checked again before fetching). */
const webUrl = z.url({ protocol: /^https?$/, error: 'Give a web address starting with http:// or https://' }).max(4000);

const byId = z.strictObject({ id: articleId });

const exportedFile = z.object({ fileName: z.string(), mimeType: z.string(), data: z.base64() });

export const menuCommands = [
  'new-draft',
  'import',
  'export',
  'focus-search',
  'toggle-focus-mode',
  'open-settings',
  'open-backups',
] as const;

/** Whether the library opened, or failed its check on start (then only backups can be used). */
export const libraryStatusSchema = z.object({
  healthy: z.boolean(),
  file: z.string(),
  problems: z.array(z.string()),
  /** For a damaged library: the newest backup that passed its check. */
  suggested: backupInfoSchema.nullable(),
  /** A sound library far smaller than its backup: the person may open it as it is. */
  canOpenAsIs: z.boolean(),
  /** An encrypted library no key was given for: the window asks for its passphrase (`library.unlock`). */
  locked: z.boolean().default(false),
});

export const restoreResultSchema = z.object({
  restored: backupInfoSchema,
  /** The library as it was just before, kept as a backup (a healthy library only). */
  keptAside: backupInfoSchema.nullable(),
  /** Where a damaged library was moved, untouched. */
  damagedCopy: z.string().nullable(),
});

const managedFeature = z.object({ id: z.string(), label: z.string() });

/** How a shared draft stands with the desk, as the status bar says it. */
const deskStatusSchema = z.object({
  state: z.enum(['live', 'offline', 'not-connected']),
  reason: z.string().nullable(),
  user: z.object({ name: z.string(), role: z.enum(['reporter', 'editor']) }).nullable(),
});
/**
 * A window's own cursor and selection in a shared draft (Lexical's awareness state: relative
 * positions, whether it has focus), or null when it leaves. Small, and plain JSON.
 */
const presenceState = z
  .record(z.string().max(40), z.json())
  .refine((state) => JSON.stringify(state).length <= 16_384, 'A cursor’s state is at most 16 KB.')
  .nullable();
const deskStory = z.string().regex(DESK_STORY_NAME, 'A desk story is named story: and its id.');

export const appInfoSchema = z.object({
  mode: z.enum(['desktop', 'browser', 'cli']),
  version: z.string(),
  libraryPath: z.string(),
  updates: z.object({
    /** Whether this build updates itself at all (desktop, packaged). */
    available: z.boolean(),
    enabled: z.boolean(),
    url: z.string().nullable(),
    managed: z.boolean(),
  }),
  policy: z.object({
    source: z.string().nullable(),
    problem: z.string().nullable(),
    libraryFolderManaged: z.boolean(),
    disabledFeatures: z.array(managedFeature),
    /** Intranet hosts downloads may reach though they are on a private network. */
    intranetHosts: z.array(z.string()),
    /** Every library must be encrypted (the newsroom's policy). */
    requireEncryption: z.boolean(),
    /** The newsroom's desk, which Settings cannot change; null when the policy names none. */
    deskUrl: z.string().nullable(),
  }),
});

const passphrase = z.string().min(8, 'A passphrase needs at least 8 characters.').max(1024, 'A passphrase has at most 1,024 characters.');

export const securityStatusSchema = z.object({
  encrypted: z.boolean(),
  /** The desktop app keeps the key in the OS keychain, so it opens without asking. */
  keychain: z.boolean(),
  required: z.boolean(),
});

export const channels = {
  'articles.list': { input: listQuerySchema, output: articleListSchema },
  'articles.get': { input: byId, output: articleSchema },
  'articles.createDraft': { input: draftFieldsSchema, output: articleSchema },
  'articles.update': {
    input: z.strictObject({
      id: articleId,
      patch: articlePatchSchema,
      expectedRevision: z.number().int().positive().optional(),
    }),
    output: articleSchema,
  },
  /**
   * A draft's autosave: the fields that changed, on the revision the editor has. Answers the
   * new revision and time only, since the editor holds the rest.
   */
  'articles.save': {
    input: z.strictObject({ id: articleId, patch: draftFieldsSchema, expectedRevision: z.number().int().positive() }),
    output: z.object({ revision: z.number().int().positive(), updatedAt: isoTime }),
  },
  'articles.delete': { input: byId, output: byId },
  /**
   * Where the reader is in an article. Its own small path: it is no edit, so it bumps no
   * revision (a draft open elsewhere saves on), tells no window, and answers nothing.
   */
  'articles.setProgress': { input: z.strictObject({ id: articleId, progress: readingProgressSchema }), output: z.strictObject({}) },
  /** Read, favorite, archived on many articles at once; returns the states before, for undo. */
  'articles.setStates': {
    input: z.strictObject({ changes: z.array(stateChangeSchema).min(1).max(BULK_LIMIT) }),
    output: z.object({ previous: z.array(articleStatesSchema) }),
  },
  /** Every article a list shows, by id (at most BULK_LIMIT): "Select all" across its pages. */
  'articles.ids': {
    input: listQuerySchema.omit({ limit: true, offset: true }),
    output: z.object({ ids: z.array(articleId).max(BULK_LIMIT) }),
  },
  'articles.deleteMany': { input: z.strictObject({ ids: bulkIdsSchema }), output: z.object({ ids: z.array(articleId) }) },
  'import.files': {
    input: z.strictObject({ files: z.array(importedFile).min(1).max(1000), job: importJob.optional() }),
    output: importSummarySchema,
  },
  /** Stops the imports under way; what was finished stays. */
  'import.cancel': { input: z.strictObject({}), output: z.object({ cancelled: z.number().int().nonnegative() }) },
  /** Web pages downloaded and imported like saved pages. */
  'import.urls': {
    input: z.strictObject({ urls: z.array(webUrl).min(1).max(1000), job: importJob.optional() }),
    output: importSummarySchema,
  },
  /** "Download saved links": queues every link not downloaded yet and works through them. */
  'downloads.start': { input: z.strictObject({}), output: downloadProgressSchema },
  'downloads.cancel': { input: z.strictObject({}), output: downloadProgressSchema },
  'downloads.status': { input: z.strictObject({}), output: downloadProgressSchema },
  'search.query': { input: searchQuerySchema, output: searchResultsSchema },
  'tags.list': { input: z.strictObject({}), output: z.array(tagCountSchema) },
  'tags.set': {
    input: z.strictObject({ id: articleId, tags: z.array(tagName).max(100) }),
    output: z.object({ tags: z.array(z.string()) }),
  },
  'tags.rename': {
    input: z.strictObject({ from: tagName, to: tagName }),
    output: z.object({ merged: z.boolean() }),
  },
  /** A tag added to many articles; `changed` are those that did not have it (undo removes it from those). */
  'tags.add': { input: z.strictObject({ ids: bulkIdsSchema, name: tagName }), output: z.object({ changed: z.array(articleId) }) },
  'tags.remove': { input: z.strictObject({ ids: bulkIdsSchema, name: tagName }), output: z.object({ changed: z.array(articleId) }) },
  'tags.delete': { input: z.strictObject({ name: tagName }), output: z.object({ name: z.string() }) },
  'settings.get': { input: z.strictObject({}), output: settingsSchema },
  'settings.set': { input: settingsPatchSchema, output: settingsSchema },
  'export.formats': {
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.string(), label: z.string(), extension: z.string() })),
  },
  'articles.export': {
    input: z.strictObject({ id: articleId, format: z.string().regex(/^[a-z0-9-]{1,20}$/) }),
    output: exportedFile,
  },
  /** Every article of a tag, or of a search, as one e-book (EPUB) with its images. */
  'export.epub': {
    input: z.union([z.strictObject({ tag: tagName }), z.strictObject({ query: z.string().trim().min(1).pipe(searchWords) })]),
    output: exportedFile,
  },
  'app.info': { input: z.strictObject({}), output: appInfoSchema },
  'revisions.list': { input: byId, output: z.array(revisionSummarySchema) },
  'revisions.get': { input: z.strictObject({ revisionId: z.number().int().positive() }), output: revisionSchema },
  'revisions.create': {
    input: z.strictObject({ id: articleId, label: z.string().trim().max(200).optional() }),
    output: revisionSummarySchema,
  },
  'revisions.restore': { input: z.strictObject({ revisionId: z.number().int().positive() }), output: articleSchema },
  /** A new draft that follows up a saved article, quoting the passage given (or its lead). */
  'articles.draftFrom': {
    input: z.strictObject({ id: articleId, excerpt: z.string().max(5000).optional() }),
    output: articleSchema,
  },
  /** A Word or Markdown file opened as a new draft. */
  'articles.importDraft': { input: importedFile, output: articleSchema },
  /** An article's highlights, in reading order. */
  'highlights.list': { input: byId, output: z.array(highlightSchema) },
  'highlights.add': { input: newHighlightSchema, output: highlightSchema },
  'highlights.update': {
    input: z.strictObject({ id: z.number().int().positive(), patch: highlightPatchSchema }),
    output: highlightSchema,
  },
  'highlights.delete': { input: z.strictObject({ id: z.number().int().positive() }), output: highlightSchema },
  /** Every highlight in the library, or those whose quote or note matches a query. */
  'highlights.find': { input: highlightQuerySchema, output: highlightListSchema },
  'library.status': { input: z.strictObject({}), output: libraryStatusSchema },
  /**
   * For a library that was not opened: open it as it is (one far smaller than its backup), or
   * move it aside untouched and start a new, empty one. Either way nothing is deleted.
   */
  'library.recover': {
    input: z.strictObject({ action: z.enum(['open-as-is', 'start-new']) }),
    output: z.object({ movedAside: z.string().nullable() }),
  },
  'backups.list': {
    input: z.strictObject({}),
    output: z.object({ folder: z.string(), keep: z.number().int().positive(), backups: z.array(backupInfoSchema) }),
  },
  /** A backup into the Backups folder now (then the rotation). */
  'backups.create': { input: z.strictObject({}), output: backupInfoSchema },
  /** Replaces the library with a backup; the current one is kept aside first. */
  'backups.restore': { input: z.strictObject({ name: backupName }), output: restoreResultSchema },
  'security.status': { input: z.strictObject({}), output: securityStatusSchema },
  /** Opens an encrypted library the app started without a key for, by its passphrase or recovery key. */
  'library.unlock': { input: z.strictObject({ secret: z.string().min(1).max(1024) }), output: z.strictObject({}) },
  /** Encrypts the open library and its backups; answers the recovery key, shown once. */
  'security.encrypt': {
    input: z.strictObject({ passphrase }),
    output: z.object({ recoveryKey: z.string(), backups: z.number().int().nonnegative() }),
  },
  'security.changePassphrase': { input: z.strictObject({ current: z.string().max(1024), passphrase }), output: z.strictObject({}) },
  /** Drops the key the OS keychain keeps, so the desktop app asks for the passphrase at every start. */
  'security.forgetKeychain': { input: z.strictObject({ current: z.string().max(1024) }), output: z.strictObject({}) },
  /** Stops an encryption or decryption under way, if it has not reached the swap. */
  'security.cancel': { input: z.strictObject({}), output: z.object({ cancelled: z.boolean() }) },
  'security.decrypt': {
    input: z.strictObject({ current: z.string().max(1024) }),
    output: z.object({ backups: z.number().int().nonnegative() }),
  },
  /** Every feed followed, with its unread count and how its last refresh went. */
  'feeds.list': { input: z.strictObject({}), output: z.array(feedSchema) },
  /** Follows a feed by its address, or by a site's address that names its feed; its items come in. */
  'feeds.subscribe': { input: z.strictObject({ address: feedAddress }), output: z.object({ feed: feedSchema, added: z.boolean() }) },
  'feeds.update': { input: z.strictObject({ id: feedId, patch: feedPatchSchema }), output: feedSchema },
  /** Stops following; its articles stay unless asked (then those not kept go: favorites, tagged, highlighted stay). */
  'feeds.unsubscribe': {
    input: z.strictObject({ id: feedId, deleteArticles: z.boolean().default(false) }),
    output: z.object({ deleted: z.number().int().nonnegative() }),
  },
  'feeds.markRead': { input: z.strictObject({ id: feedId }), output: z.object({ changed: z.number().int().nonnegative() }) },
  /** Refreshes one feed, or every feed not paused, now; answers when done. */
  'feeds.refresh': {
    input: z.strictObject({ id: feedId.optional() }),
    output: z.object({
      refreshed: z.number().int().nonnegative(),
      added: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
    }),
  },
  /** A list of subscriptions from another reader (OPML): each feed followed, refreshed after. */
  'feeds.importOpml': { input: z.strictObject({ data: z.base64().max(14_000_000) }), output: opmlImportSchema },
  'feeds.exportOpml': { input: z.strictObject({}), output: exportedFile },
  /** Whether the capture endpoint listens, the browsers paired, and the pairing code being shown. */
  'capture.status': { input: z.strictObject({}), output: captureStatusSchema },
  /** Shows a new pairing code (the one shown before stops working). */
  'capture.startPairing': { input: z.strictObject({}), output: z.object({ code: z.string(), expiresAt: isoTime }) },
  'capture.cancelPairing': { input: z.strictObject({}), output: z.strictObject({}) },
  /** Unpairs a browser: its token stops working at once; what it saved stays. */
  'capture.revoke': { input: z.strictObject({ id: z.number().int().positive() }), output: z.strictObject({}) },
  /** The extension's code exchanged for its token (the capture endpoint adds the origin). */
  'capture.pair': { input: pairingInputSchema, output: z.object({ token: z.string(), client: captureClientSchema }) },
  /** Whether a token still works, for the extension's popup. */
  'capture.check': { input: z.strictObject({ token: captureToken, origin: extensionOrigin }), output: z.object({ name: z.string() }) },
  /** A page (or link) saved from the browser, through the import pipeline. */
  'capture.save': {
    input: z.strictObject({ token: captureToken, origin: extensionOrigin, page: capturedPageSchema }),
    output: captureResultSchema,
  },
  /** Whether a desk is set, and the desk story this draft is shared as (null when it is not). */
  'desk.info': { input: byId, output: z.object({ configured: z.boolean(), story: z.string().nullable(), joined: z.boolean() }) },
  /** Shares a draft to the desk as a new story: only drafts, never the archive. */
  'desk.share': { input: byId, output: z.object({ story: z.string() }) },
  /** Opens a story shared with this person as a new draft here. */
  'desk.join': { input: z.strictObject({ story: deskStory }), output: z.object({ id: articleId }) },
  /** The shared draft's document (as one Yjs update) and how it stands with the desk. */
  'desk.open': {
    input: byId,
    output: z.object({ story: z.string(), state: z.base64(), status: deskStatusSchema, presence: z.base64().nullable() }),
  },
  /** Where this window's cursor is in a shared draft: the others in the story see it. */
  'desk.presence': { input: z.strictObject({ id: articleId, state: presenceState }), output: z.strictObject({}) },
  /** A change typed in the window: kept in the library, then sent to the desk. */
  'desk.push': { input: z.strictObject({ id: articleId, update: z.base64().max(12_000_000) }), output: z.strictObject({}) },
  'desk.close': { input: byId, output: z.strictObject({}) },
  'media.add': {
    input: z.strictObject({ articleId, mimeType: z.string().max(100), data: z.base64().max(40_000_000) }),
    output: z.object({ id: z.number().int().positive() }),
  },
  'media.get': {
    input: z.strictObject({ id: z.number().int().positive() }),
    output: z.object({ mimeType: z.string(), data: z.base64() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  /** Something in the library changed; views showing `ids` (or anything, if absent) refresh. */
  'library.changed': z.object({ ids: z.array(articleId).optional() }),
  'import.progress': z.object({
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    current: z.string().nullable(),
    /** Within the current file, when it holds many entries: how many are stored. */
    entries: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).optional(),
    job: importJob.nullable(),
  }),
  'downloads.progress': downloadProgressSchema,
  /** How far an encryption or decryption has come; it can be cancelled until `swapping`. */
  'security.progress': z.object({
    step: z.enum(['copying', 'converting', 'checking', 'swapping', 'backups']),
    done: z.number().int().nonnegative().optional(),
    total: z.number().int().nonnegative().optional(),
  }),
  /** An import ended, whichever way it was started (button, drop, menu, "Open with"). */
  'import.finished': importSummarySchema.extend({ job: importJob.nullable() }),
  'settings.changed': settingsSchema,
  /** Highlights of this article were added, changed or removed. */
  'highlights.changed': z.object({ articleId }),
  /** A backup was made without being asked (the daily one): lists of backups load again. */
  'backups.made': z.object({ name: z.string() }),
  /** The library was replaced by a backup: every window starts afresh. */
  'library.restored': z.object({ name: z.string() }),
  /** The check run after a fast start found the library damaged: every window shows the recovery page. */
  'library.damaged': z.object({}),
  /** Feeds were followed, refreshed, changed or dropped: the sidebar's list loads again. */
  'feeds.changed': z.object({}),
  /** A browser was paired or unpaired, a code shown, or a page saved from the browser: Settings loads again. */
  'capture.changed': z.object({}),
  /** A change to a shared draft that came from the desk (or another window). */
  'desk.update': z.object({ id: articleId, update: z.base64() }),
  /** A shared draft went live, offline, or lost its desk (with why). */
  'desk.status': z.object({ id: articleId, status: deskStatusSchema }),
  /** Who else is in a shared draft, and where their cursors are: an awareness update. */
  'desk.presence': z.object({ id: articleId, update: z.base64() }),
  /** A menu item or accelerator in the desktop shell that the window carries out. */
  'menu.command': z.object({ command: z.enum(menuCommands) }),
} as const satisfies Record<string, z.ZodType>;

export type ChannelName = keyof typeof channels;
export type ChannelInput<C extends ChannelName> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof channels)[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type AppInfo = z.output<typeof appInfoSchema>;
export type SecurityStatus = z.output<typeof securityStatusSchema>;
export type LibraryStatus = z.output<typeof libraryStatusSchema>;
export type MenuCommand = (typeof menuCommands)[number];
export type ErrorPayload = { code: (typeof errorCodes)[number]; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

/**
 * The channels that only read the library. They are served while the library's start-up
 * check runs; every other call waits for the check, so nothing is written to a library
 * before it is known to be sound.
 */
export const readingChannels: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'articles.list',
  'articles.get',
  'articles.ids',
  'search.query',
  'tags.list',
  'settings.get',
  'export.formats',
  'app.info',
  'revisions.list',
  'revisions.get',
  'highlights.list',
  'highlights.find',
  'library.status',
  'backups.list',
  'media.get',
  'downloads.status',
  'security.status',
  'feeds.list',
  'feeds.exportOpml',
  'capture.status',
  'desk.info',
]);

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

/** What the renderer sees as `window.dateline`, whichever transport answers. */
export interface DatelineBridge {
  invoke: { [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
