/**
 * A small zip reader and writer for .xlsx packages (Node), written for hostile input: every size is
 * checked before it is trusted, inflation stops at a limit (a zip bomb costs at most the limit, never
 * memory without bound), and a rewritten package copies every untouched part's compressed bytes as
 * they were, so that only the parts we edit can differ.
 */
import * as zlib from "zlib";
import { PackageError, READ_LIMITS } from "./limits";

export interface ZipEntry {
  /** Part name as stored (no leading slash). */
  name: string;
  /** The name's bytes as stored in the archive (kept when the entry is copied). */
  nameBytes: Buffer;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  dosTime: number;
  dosDate: number;
  /** Offset of the compressed data in the archive. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
/** Parts up to this size (as declared, and in fact) are inflated in one call. */
const SMALL_PART = 4 * 1024 * 1024;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function zip64Extra(extra: Buffer, want: { size: boolean; compressed: boolean; offset: boolean }) {
  const out: { size?: number; compressed?: number; offset?: number } = {};
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + len) throw new PackageError("zip 目录项已损坏");
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (want.size) out.size = take();
      if (want.compressed) out.compressed = take();
      if (want.offset) out.offset = take();
    }
    p += 4 + len;
  }
  return out;
}

export class ZipArchive {
  readonly entries: ZipEntry[] = [];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(readonly data: Buffer) {
    const eocd = this.findEocd();
    let count = data.readUInt16LE(eocd + 10);
    let cdSize = data.readUInt32LE(eocd + 12);
    let cdOffset = data.readUInt32LE(eocd + 16);
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && data.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
      const at = Number(data.readBigUInt64LE(eocd - 20 + 8));
      if (at + 56 > data.length || data.readUInt32LE(at) !== ZIP64_EOCD) throw new PackageError("zip 目录已损坏");
      count = Number(data.readBigUInt64LE(at + 32));
      cdSize = Number(data.readBigUInt64LE(at + 40));
      cdOffset = Number(data.readBigUInt64LE(at + 48));
    }
    if (count > READ_LIMITS.parts) throw new PackageError(`包含 ${count} 个部件，超过上限 ${READ_LIMITS.parts}`);
    if (cdOffset + cdSize > data.length) throw new PackageError("zip 目录已损坏（文件被截断？）");
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) throw new PackageError("zip 目录已损坏");
      const flags = data.readUInt16LE(p + 8);
      const method = data.readUInt16LE(p + 10);
      const dosTime = data.readUInt16LE(p + 12);
      const dosDate = data.readUInt16LE(p + 14);
      const crc = data.readUInt32LE(p + 16);
      let compressedSize = data.readUInt32LE(p + 20);
      let size = data.readUInt32LE(p + 24);
      const nameLen = data.readUInt16LE(p + 28);
      const extraLen = data.readUInt16LE(p + 30);
      const commentLen = data.readUInt16LE(p + 32);
      let localOffset = data.readUInt32LE(p + 42);
      if (p + 46 + nameLen + extraLen > data.length) throw new PackageError("zip 目录已损坏");
      const nameBytes = data.subarray(p + 46, p + 46 + nameLen);
      const extra = data.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        const z = zip64Extra(extra, { size: size === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: localOffset === 0xffffffff });
        size = z.size ?? size;
        compressedSize = z.compressed ?? compressedSize;
        localOffset = z.offset ?? localOffset;
      }
      p += 46 + nameLen + extraLen + commentLen;
      const name = nameBytes.toString(flags & 0x800 ? "utf8" : "latin1").replace(/^\/+/, "");
      if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL) throw new PackageError(`部件 ${name} 的位置已损坏`);
      const dataOffset = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
      if (dataOffset + compressedSize > data.length) throw new PackageError(`部件 ${name} 被截断`);
      const entry: ZipEntry = { name, nameBytes: Buffer.from(nameBytes), method, flags, crc, compressedSize, size, dosTime, dosDate, dataOffset };
      const key = name.toLowerCase();
      // Two parts of one name: which one a reader takes is undefined, so the package is ambiguous.
      if (this.byName.has(key)) throw new PackageError(`部件 ${name} 出现了两次`);
      this.byName.set(key, entry);
      this.entries.push(entry);
    }
  }

  private findEocd(): number {
    const d = this.data;
    if (d.length < 22) throw new PackageError("不是完整的 zip 文件");
    for (let p = d.length - 22; p >= Math.max(0, d.length - 22 - 65535); p--) {
      if (d.readUInt32LE(p) === EOCD) return p;
    }
    throw new PackageError("找不到 zip 目录（文件不完整或已损坏）");
  }

  /** Part names are case-insensitive in a package (OPC). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, "").toLowerCase());
  }

  raw(e: ZipEntry): Buffer {
    return this.data.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  }

  private check(e: ZipEntry) {
    if (e.flags & 1) throw new PackageError(`部件 ${e.name} 已加密`);
    if (e.method !== 0 && e.method !== 8) throw new PackageError(`部件 ${e.name} 使用了不支持的压缩方式 ${e.method}`);
  }

  /** The whole part, inflated, at most `limit` bytes (then PackageError). */
  read(e: ZipEntry, budget: InflateBudget): Buffer {
    this.check(e);
    const room = budget.room(e.name);
    if (e.method === 0) {
      const raw = this.raw(e);
      budget.spend(raw.length, e.name);
      return raw;
    }
    let out: Buffer;
    try {
      out = zlib.inflateRawSync(this.raw(e), { maxOutputLength: Math.max(1, room) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) budget.exceeded(e.name);
      throw new PackageError(`部件 ${e.name} 解压失败（数据已损坏）`);
    }
    budget.spend(out.length, e.name);
    return out;
  }

  /** The part inflated in chunks (for large sheets: memory stays at one chunk, not the part). */
  async *stream(e: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
    this.check(e);
    // A part that says it is small is inflated in one call (no stream machinery); a size that lied
    // ends that call at the cap, and the part is then streamed after all.
    if (e.method === 8 && e.size <= SMALL_PART && e.compressedSize <= SMALL_PART) {
      let whole: Buffer | undefined;
      try {
        whole = zlib.inflateRawSync(this.raw(e), { maxOutputLength: SMALL_PART });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ERR_BUFFER_TOO_LARGE" && !(err instanceof RangeError)) throw new PackageError(`部件 ${e.name} 解压失败（数据已损坏）`);
      }
      if (whole) {
        budget.spend(whole.length, e.name);
        yield whole;
        return;
      }
    }
    if (e.method === 0) {
      const raw = this.raw(e);
      for (let p = 0; p < raw.length; p += 1 << 16) {
        const chunk = raw.subarray(p, Math.min(raw.length, p + (1 << 16)));
        budget.spend(chunk.length, e.name);
        yield chunk;
      }
      return;
    }
    const inflate = zlib.createInflateRaw({ chunkSize: 1 << 16 });
    inflate.end(this.raw(e));
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        budget.spend(chunk.length, e.name);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof PackageError) throw err;
      throw new PackageError(`部件 ${e.name} 解压失败（数据已损坏）`);
    } finally {
      inflate.destroy();
    }
  }
}

/** How much may still be inflated from one package (all parts together). */
export class InflateBudget {
  private used = 0;
  constructor(private readonly limit: number = READ_LIMITS.inflatedBytes) {}
  room(_name: string): number {
    return this.limit - this.used;
  }
  spend(bytes: number, name: string) {
    this.used += bytes;
    if (this.used > this.limit) this.exceeded(name);
  }
  exceeded(name: string): never {
    throw new PackageError(`解压后超过 ${Math.round(this.limit / 1048576)} MB（在部件 ${name}），疑似压缩炸弹，未读取`, "limit");
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface ZipOutputPart {
  name: string;
  /** Replaced content; absent = copy the original entry's compressed bytes unchanged. */
  content?: Buffer;
  from?: ZipEntry;
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A new archive: untouched entries copied byte for byte (compressed data, CRC, sizes, times). */
export function writeZip(archive: ZipArchive | undefined, parts: ZipOutputPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const now = dosNow();
  for (const part of parts) {
    let nameBytes: Buffer;
    let method: number;
    let crc: number;
    let size: number;
    let body: Buffer;
    let flags: number;
    let time = now.time;
    let date = now.date;
    if (part.content === undefined) {
      const e = part.from!;
      nameBytes = e.nameBytes;
      method = e.method;
      crc = e.crc;
      size = e.size;
      body = archive!.raw(e);
      // Sizes and CRC go in the header; no data descriptor (bit 3) after the data.
      flags = e.flags & 0x800;
      time = e.dosTime;
      date = e.dosDate;
    } else {
      nameBytes = part.from?.nameBytes ?? Buffer.from(part.name, "utf8");
      flags = part.from ? part.from.flags & 0x800 : /[^\x20-\x7e]/.test(part.name) ? 0x800 : 0;
      method = 8;
      crc = zlib.crc32(part.content) >>> 0;
      size = part.content.length;
      body = zlib.deflateRawSync(part.content, { level: 6 });
    }
    if (body.length >= 0xffffffff || size >= 0xffffffff || offset >= 0xffffffff) throw new PackageError("输出超过 4 GB，无法写出");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, body);
    central.push(cd, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const cdStart = offset;
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(cdStart, 16);
  if (parts.length > 0xffff) throw new PackageError("部件过多，无法写出");
  return Buffer.concat([...chunks, cdBytes, end]);
}
