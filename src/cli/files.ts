/**
 * Files in and out, written for hostile folders and careless typing: only regular files are read
 * (a FIFO or a symlink to a device is named and skipped, never opened for a blocking read), sizes
 * are checked before reading, and an output is written to a temporary file and linked or renamed
 * into place — never over an existing file without --force, never over an input (compared by
 * device and inode, so a symlink, a hard link or a case-only difference cannot get through).
 */
import { closeSync, constants as FS, fstatSync, openSync, promises as fs, readSync, statSync, Stats } from "fs";
import * as path from "path";
import { READ_LIMITS } from "../xlsx/limits";

/** A file that cannot be used, with a one-line zh-CN reason that names it. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et)$/i;

export interface InputFile {
  /** As given, or joined from the folder given. */
  path: string;
  /** The folder it was found in (outputs mirror the path below it). */
  root?: string;
  /** Why it is not read (a FIFO, a device…), decided while listing the folder. */
  refused?: string;
}

const idOf = (s: Stats) => `${s.dev}:${s.ino}`;

function describeErrno(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `找不到文件“${file}”`;
  if (code === "EACCES" || code === "EPERM") return `没有读取“${file}”的权限`;
  if (code === "ELOOP") return `“${file}”是循环的符号链接`;
  if (code === "ENOTDIR") return `找不到文件“${file}”（路径中有一段不是文件夹）`;
  return `无法读取“${file}”（${code ?? "未知错误"}）`;
}

function notRegular(file: string, st: Stats): string {
  const kind = st.isFIFO() ? "管道（FIFO）" : st.isCharacterDevice() || st.isBlockDevice() ? "设备文件" : st.isSocket() ? "套接字" : "特殊文件";
  return `“${file}”是${kind}，不是普通文件，未读取`;
}

/**
 * Expand folders into the workbooks under them (sorted; lock files ~$… skipped; symlinked folders
 * not followed). `skipDirs`: real paths of output folders, never read as input.
 */
export async function expandInputs(inputs: string[], skipDirs: Set<string>): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    let st: Stats;
    try {
      st = await fs.stat(input);
    } catch {
      out.push({ path: input }); // reported when read
      continue;
    }
    if (!st.isDirectory()) {
      out.push({ path: input });
      continue;
    }
    const found: InputFile[] = [];
    const walk = async (dir: string) => {
      const real = await fs.realpath(dir).catch(() => dir);
      if (skipDirs.has(real)) return;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        found.push({ path: dir, root: input, refused: describeErrno(dir, e) });
        return;
      }
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (WORKBOOK_EXT.test(e.name) && !e.name.startsWith("~$")) {
          if (e.isFile()) found.push({ path: p, root: input });
          else {
            // A symlink is taken when it leads to a regular file; anything else is named and skipped.
            const target = await fs.stat(p).catch((err) => err as Error);
            if (target instanceof Error) found.push({ path: p, root: input, refused: `“${p}”是失效的符号链接，未读取` });
            else if (target.isFile()) found.push({ path: p, root: input });
            else if (!target.isDirectory()) found.push({ path: p, root: input, refused: notRegular(p, target) });
          }
        }
      }
    };
    await walk(input);
    found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    out.push(...found);
  }
  return out;
}

/**
 * Read a whole input file: regular files only, at most READ_LIMITS.fileBytes. Synchronous calls: the
 * file is wanted whole before anything else can happen to it, and in a worker thread they cost a
 * fraction of fs.promises' round trips through libuv's pool (about 0.3 ms a file, measured).
 */
export async function readInputFile(file: string, limit = READ_LIMITS.fileBytes): Promise<Buffer> {
  let before: Stats;
  try {
    before = statSync(file);
  } catch (e) {
    throw new InputError(describeErrno(file, e));
  }
  if (before.isDirectory()) throw new InputError(`“${file}”是文件夹，不是工作簿文件`);
  if (!before.isFile()) throw new InputError(notRegular(file, before));
  let fd: number;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the check above, open does not wait for a writer.
    fd = openSync(file, FS.O_RDONLY | FS.O_NONBLOCK);
  } catch (e) {
    throw new InputError(describeErrno(file, e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(notRegular(file, st));
    if (st.size > limit) {
      throw new InputError(`“${file}”有 ${(st.size / 1048576).toFixed(0)} MB，超过本工具的上限 ${limit / 1048576} MB，未读取`);
    }
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const bytesRead = readSync(fd, buf, got, st.size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === st.size ? buf : buf.subarray(0, got);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(describeErrno(file, e));
  } finally {
    closeSync(fd);
  }
}

/** Device and inode of every input that exists (outputs must be none of them). */
export async function identities(files: string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const f of files) {
    const st = await fs.stat(f).catch(() => undefined);
    if (st) ids.add(idOf(st));
  }
  return ids;
}

/** Why `target` may not be written, or undefined when it may. */
export async function outputProblem(target: string, inputIds: Set<string>, force: boolean): Promise<string | undefined> {
  const st = await fs.stat(target).catch(() => undefined);
  if (st && inputIds.has(idOf(st))) return `输出文件“${target}”就是输入文件本身，已拒绝（原表保持不动）`;
  const link = await fs.lstat(target).catch(() => undefined);
  if (link && !force) return `输出文件“${target}”已存在，未覆盖（确需覆盖请加 --force）`;
  if (st?.isDirectory()) return `输出路径“${target}”是文件夹`;
  return undefined;
}

/**
 * Write `data` to `target` through a temporary file in the same folder: linked into place when the
 * target must not exist (atomic: a file created meanwhile is not replaced), renamed over it with --force.
 */
export async function writeOutput(target: string, data: Buffer, inputIds: Set<string>, force: boolean): Promise<void> {
  const problem = await outputProblem(target, inputIds, force);
  if (problem) throw new InputError(problem);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(tmp, data, { flag: "wx", mode: 0o644 });
    if (force) {
      const again = await outputProblem(target, inputIds, true);
      if (again) throw new InputError(again);
      await fs.rename(tmp, target);
    } else {
      try {
        await fs.link(tmp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new InputError(`输出文件“${target}”已存在，未覆盖（确需覆盖请加 --force）`);
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw e;
        // File systems without hard links: an exclusive copy still never replaces a file.
        await fs.copyFile(tmp, target, FS.COPYFILE_EXCL);
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`写出“${target}”失败（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}
