import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';

/**
 * The one folder for files the server writes (FILES_DIR, default DATA_DIR/files; ADR 0021). Rows keep paths relative to
 * it, so every process that mounts the same folder, wherever, finds the same file.
 */
export function absoluteFilePath(config: Pick<Config, 'filesDir'>, relative: string): string {
  // Rows written before the files folder held absolute paths under DATA_DIR; they are read where they are.
  if (path.isAbsolute(relative)) return relative;
  const full = path.resolve(config.filesDir, relative);
  if (!full.startsWith(config.filesDir + path.sep)) throw new Error(`file path leaves the files folder: ${relative}`);
  return full;
}

/**
 * Writes a file through `write` (given a temporary path in the same folder), then renames it into place: a reader in
 * another process sees the whole file or none. Answers the relative path.
 */
export async function writeStoredFile(config: Pick<Config, 'filesDir'>, relative: string, write: (tmpPath: string) => Promise<void>): Promise<string> {
  const full = absoluteFilePath(config, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  const tmp = `${full}.${process.pid}.part`;
  try {
    await write(tmp);
    fs.renameSync(tmp, full);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return relative;
}

export function storedFileExists(config: Pick<Config, 'filesDir'>, relative: string): boolean {
  return fs.existsSync(absoluteFilePath(config, relative));
}
