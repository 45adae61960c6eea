/**
 * Moving damaged store files aside. A damaged file is never overwritten or
 * deleted: it goes to `<store>/damaged/` under a name with the time it was
 * found, where the user (or support) can inspect it.
 */
import { copyFile, constants, link, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Folder of quarantined files inside the store. */
export const DAMAGED_DIR = 'damaged';

/**
 * Moves `file` into `<storeDir>/damaged/` and returns its new path. Never
 * replaces an existing file there: the name carries the time and, if needed, a counter.
 */
export async function quarantineFile(storeDir: string, file: string, now: string): Promise<string> {
  const dir = path.join(storeDir, DAMAGED_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = fileStamp(now);
  const base = path.basename(file);
  for (let n = 0; ; n++) {
    const target = path.join(dir, `${stamp}${n === 0 ? '' : `-${n}`}-${base}`);
    try {
      await linkOrCopy(file, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await unlink(file);
    return target;
  }
}

/** An ISO time usable in a file name on every platform (`2024-05-01T12-00-00.000Z`). */
export function fileStamp(iso: string): string {
  return iso.replace(/:/g, '-').replace(/[^0-9A-Za-z.-]/g, '_');
}

/** Links `from` to `to` (fails with EEXIST if `to` exists); copies where hard links are not supported. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK' && code !== 'ENOSYS') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
}
