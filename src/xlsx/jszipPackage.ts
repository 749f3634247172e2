/**
 * The package editor in the browser: parts read with JSZip, no Node APIs (the playground's
 * downloads: the fixed workbook and the marked copy). Only XML parts are ever read or edited;
 * binary parts (images, VBA) are left to JSZip, and untouched parts keep their content byte for
 * byte (JSZip recompresses them). `ZipPackageEditor` (zipEditor.ts) is the same on Node.
 */
import JSZip from "jszip";
import { PackageEditor } from "./editor";

export class JSZipPackageEditor extends PackageEditor {
  private constructor(
    private readonly zip: JSZip,
    /** Lower-case part name → the name as the zip spells it. */
    private readonly names: Map<string, string>,
    texts: Map<string, string>,
  ) {
    const keyOf = (part: string) => part.replace(/^\/+/, "").toLowerCase();
    super({ has: (part) => names.has(keyOf(part)), read: (part) => texts.get(keyOf(part)) });
  }

  /** `parts`: which XML parts may be read or edited (all of them unless said; reading them costs their inflating). */
  static async open(data: ArrayBuffer | Uint8Array, parts: (name: string) => boolean = () => true): Promise<JSZipPackageEditor> {
    const zip = await JSZip.loadAsync(data);
    const names = new Map<string, string>();
    const texts = new Map<string, string>();
    for (const file of Object.values(zip.files)) {
      if (file.dir) continue;
      const key = file.name.replace(/^\/+/, "").toLowerCase();
      names.set(key, file.name);
      if (/\.(xml|rels|vml)$/i.test(file.name) && parts(key)) texts.set(key, await file.async("binarystring"));
    }
    return new JSZipPackageEditor(zip, names, texts);
  }

  /** The edited package (every edited part checked well-formed first, by `edits()`). */
  async finish(compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<Uint8Array> {
    const { changed, added } = this.edits();
    for (const [key, content] of changed) {
      const name = this.names.get(key) ?? added.find((a) => a.toLowerCase() === key) ?? key;
      if (content === null) this.zip.remove(name);
      else this.zip.file(name, content, { binary: true, createFolders: false });
    }
    return this.zip.generateAsync({ type: "uint8array", compression });
  }
}
