// The pack compiled to JavaScript once per suite run, for the many generated programs: the same
// policies, without ts-node type-checking the whole pack again at every engine start (about 10 s each
// on this machine). `npm run typecheck` is the pack's type gate; fixtures, the corpus and the reference
// stack run `policies/` itself.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { KIT_ROOT } from "./locate";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : sources(file);
    }
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

/** Compiles `packDir` into a folder keyed by its sources' hash (reused when nothing changed); returns that folder. */
export function compiledPack(packDir = path.join(KIT_ROOT, "policies")): string {
  const files = sources(packDir).sort();
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(file).update(fs.readFileSync(file));
  }
  const out = path.join(KIT_ROOT, ".engine-work", `pack-${hash.digest("hex").slice(0, 12)}`);
  if (fs.existsSync(path.join(out, "package.json"))) {
    return out;
  }
  const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  for (const file of files) {
    const target = path.join(out, path.relative(packDir, file)).replace(/\.ts$/, ".js");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, ts.transpileModule(fs.readFileSync(file, "utf8"), { compilerOptions: options, fileName: file }).outputText);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as Record<string, unknown>;
  fs.copyFileSync(path.join(packDir, "PulumiPolicy.yaml"), path.join(out, "PulumiPolicy.yaml"));
  fs.writeFileSync(path.join(out, "package.json"), JSON.stringify({ ...manifest, main: "index.js" }, null, 2));
  return out;
}
