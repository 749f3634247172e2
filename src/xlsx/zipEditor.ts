/** The package editor on Node: parts read with src/xlsx/zip.ts, untouched parts copied byte for byte. */
import { PackageEditor } from "./editor";
import { InflateBudget, writeZip, ZipArchive, ZipOutputPart } from "./zip";

export class ZipPackageEditor extends PackageEditor {
  private readonly zip: ZipArchive;

  constructor(data: Buffer) {
    const zip = new ZipArchive(data);
    const budget = new InflateBudget();
    super({
      has: (part) => zip.entry(part) !== undefined,
      read: (part) => {
        const e = zip.entry(part);
        return e ? zip.read(e, budget).toString("latin1") : undefined;
      },
    });
    this.zip = zip;
  }

  finish(): Buffer {
    const { changed, added } = this.edits();
    const out: ZipOutputPart[] = [];
    for (const e of this.zip.entries) {
      const key = e.name.toLowerCase();
      if (!changed.has(key)) out.push({ name: e.name, from: e });
      else {
        const v = changed.get(key);
        if (v !== null && v !== undefined) out.push({ name: e.name, from: e, content: Buffer.from(v, "latin1") });
      }
    }
    for (const name of added) {
      const v = changed.get(name.toLowerCase());
      if (v !== null && v !== undefined) out.push({ name, content: Buffer.from(v, "latin1") });
    }
    return writeZip(this.zip, out);
  }
}

