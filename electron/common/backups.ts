import { z } from 'zod';

/** Why a backup was made; part of its file name, so the folder explains itself. */
export const backupKinds = ['daily', 'manual', 'before-upgrade', 'before-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const BACKUP_NAME_PATTERN = new RegExp(
  `^library-(\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z)-(${backupKinds.join('|')})\\.sqlite$`,
);

export const backupInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(backupKinds),
  createdAt: z.number(),
  bytes: z.number().int().nonnegative(),
  /** Null when the file cannot be read (see `problem`). */
  articles: z.number().int().nonnegative().nullable(),
  schemaVersion: z.number().int().nullable(),
  problem: z.string().nullable(),
});

export type BackupInfo = z.output<typeof backupInfoSchema>;

export const backupName = z.string().max(200).regex(BACKUP_NAME_PATTERN, 'Give the name of a Dateline backup');
