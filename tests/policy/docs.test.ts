import * as fs from "node:fs";
import { DOCS_PATH, renderPolicyDocs } from "../../scripts/generate-policy-docs";
import { policies } from "../../policies/pack";

describe("docs/policies.md", () => {
    it("is up to date with policies/pack.ts", () => {
        const current = fs.existsSync(DOCS_PATH) ? fs.readFileSync(DOCS_PATH, "utf8") : "";
        if (current !== renderPolicyDocs()) {
            throw new Error("docs/policies.md is stale: run `npm run docs:policies`");
        }
    });

    it("documents every policy with its level, remediation and config defaults", () => {
        const text = renderPolicyDocs();
        for (const policy of policies) {
            expect(text).toContain(`### \`${policy.name}\``);
        }
        expect(text).toContain("| resource | critical | mandatory | yes | NIST CM-6 |");
        expect(text).toContain("| `pipelineRegion` | string | `\"\"` |");
        expect(text).toContain("| `waivers` | array | `[]` |");
        expect(text).toContain("`compliance:waive:<policy-name>`");
        expect(text).toContain("[undecided] ");
    });
});
