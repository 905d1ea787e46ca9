// A policy's reference text lives in its `docs` object (docs/policies.md and Pulumi Cloud read it);
// the file's leading comment says only what the docs do not (how it matches, edge cases), so that
// two copies of the same text cannot drift apart.
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../../policies/pack";

const POLICIES = path.resolve(__dirname, "..", "..", "policies");
/** Runs this long are the same sentence, not two sentences that share a phrase. */
const RUN = 8;

/** The comment blocks and lines before the first statement of a source file. */
function leadingComment(source: string): string {
  const match = /^(?:\s*(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*))*/.exec(source);
  return match ? match[0] : "";
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/^\s*(?:\/\*\*?|\*\/?|\/\/)/gm, " ")
    .split(/[^a-z0-9:/._-]+/)
    .map((word) => word.replace(/^[.:_-]+|[.:_-]+$/g, ""))
    .filter((word) => word !== "");
}

/** The first run of `RUN` consecutive words that both texts contain, if any. */
function sharedRun(a: string, b: string): string | undefined {
  const runs = new Set<string>();
  const wb = words(b);
  for (let i = 0; i + RUN <= wb.length; i++) {
    runs.add(wb.slice(i, i + RUN).join(" "));
  }
  const wa = words(a);
  for (let i = 0; i + RUN <= wa.length; i++) {
    const run = wa.slice(i, i + RUN).join(" ");
    if (runs.has(run)) {
      return run;
    }
  }
  return undefined;
}

/** The source file of a policy: `<service>-<rest>` lives in `policies/<service>/<rest>.ts`. */
function fileOf(name: string): string {
  const [service, ...rest] = name.split("-");
  return path.join(POLICIES, service, `${rest.join("-")}.ts`);
}

describe("policy file headers", () => {
  it("finds the file of every policy", () => {
    expect(policies.map((policy) => policy.name).filter((name) => !fs.existsSync(fileOf(name)))).toEqual([]);
  });

  it("finds a shared run of words, and only a long one", () => {
    expect(
      sharedRun(
        "/**\n * The key must set `enableKeyRotation: true` on every\n * symmetric key.\n */",
        "Each key must set `enableKeyRotation: true` on every symmetric key, always.",
      ),
    ).toBe("key must set enablekeyrotation true on every symmetric");
    expect(
      sharedRun("set enableKeyRotation true on every symmetric key", "the key must set enableKeyRotation true on every"),
    ).toBeUndefined();
    expect(leadingComment("// one\n/** two */\nimport x;\n// three")).toBe("// one\n/** two */");
  });

  it.each(policies.map((policy) => [policy.name, policy] as const))(
    "%s does not restate its docs in its leading comment",
    (name, policy) => {
      const header = leadingComment(fs.readFileSync(fileOf(name), "utf8"));
      const labels = header.match(/^\s*\*?\s*(What|Why|Fix):/gm) ?? [];
      const repeated = (["what", "why", "fix"] as const).flatMap((field) => {
        const run = sharedRun(header, policy.docs[field]);
        return run === undefined ? [] : [`docs.${field}: "${run}"`];
      });
      expect({ labels, repeated, url: header.includes(policy.docs.url) }).toEqual({ labels: [], repeated: [], url: false });
    },
  );
});
