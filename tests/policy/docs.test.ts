import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DOCS_PATH, formattedPolicyDocs, renderPolicyDocs, writePolicyDocs } from "../../scripts/generate-policy-docs";
import { policies } from "../../policies/pack";

describe("docs/policies.md", () => {
  it("is up to date with policies/pack.ts", () => {
    const current = fs.existsSync(DOCS_PATH) ? fs.readFileSync(DOCS_PATH, "utf8") : "";
    if (current !== formattedPolicyDocs()) {
      throw new Error("docs/policies.md is stale: run `npm run docs:policies`");
    }
  });

  it("documents every policy with its level, remediation and config defaults", () => {
    const text = renderPolicyDocs();
    for (const policy of policies) {
      expect(text).toContain(`### \`${policy.name}\``);
    }
    expect(text).toContain("| resource | critical | mandatory | yes | NIST CM-6 |");
    expect(text).toContain('| `pipelineRegion` | string | `""` |');
    expect(text).toContain("| `waivers` | array | `[]` |");
    expect(text).toContain("`compliance:waive:<policy-name>`");
    expect(text).toContain("[undecided] ");
  });

  it("is written formatted, only when it differs, and the writer says which", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-docs-"));
    try {
      const file = path.join(dir, "policies.md");
      expect(writePolicyDocs(file)).toBe("updated");
      const written = fs.readFileSync(file, "utf8");
      // Prettier pads the index table's cells; the raw rendering does not.
      expect(written).not.toBe(renderPolicyDocs());
      expect(written).toBe(formattedPolicyDocs());
      // An mtime in 1970 survives only if the unchanged run does not write.
      fs.utimesSync(file, 0, 0);
      expect(writePolicyDocs(file)).toBe("unchanged");
      expect(fs.statSync(file).mtimeMs).toBe(0);
      fs.writeFileSync(file, "stale");
      expect(writePolicyDocs(file, "fresh")).toBe("updated");
      expect(fs.readFileSync(file, "utf8")).toBe("fresh");
      expect(writePolicyDocs(file, "fresh")).toBe("unchanged");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
