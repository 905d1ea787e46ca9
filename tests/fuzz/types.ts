/**
 * Which resource types each resource policy inspects. The SDK policy object does not carry the
 * framework's `resourceTypes`, so the fuzz asks the policy itself: it is called once per candidate
 * type with arguments that abort on first use. A policy that does not inspect the type returns
 * without touching them; one that does reads its config or the props and so hits the abort.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import type { CompliancePolicy } from "../../policies/lib/policy";

class Touched extends Error {}

const touch = (): never => {
  throw new Touched();
};

function probeArgs(type: string): ResourceValidationArgs {
  const props = new Proxy({}, { get: touch, has: touch, ownKeys: touch, getOwnPropertyDescriptor: touch });
  return {
    type,
    name: "probe",
    urn: `urn:pulumi:probe::probe::${type}::probe`,
    props,
    getConfig: touch,
  } as unknown as ResourceValidationArgs;
}

function inspects(policy: ResourceValidationPolicy, type: string): boolean {
  const validations = [policy.validateResource ?? []].flat();
  for (const validation of validations) {
    try {
      void validation(probeArgs(type), () => undefined);
    } catch (error) {
      if (error instanceof Touched) {
        return true;
      }
      throw error;
    }
  }
  return false;
}

/** The candidate types among which `policy` inspects some; empty for a stack policy. */
export function inspectedTypes(policy: CompliancePolicy, candidates: Iterable<string>): string[] {
  if (!("validateResource" in policy)) {
    return [];
  }
  return [...candidates].filter((type) => inspects(policy, type));
}

/** Every resource type token `@pulumi/aws` knows, from the `construct` switch of each module's index. */
export function awsTypeTokens(): string[] {
  const root = path.dirname(require.resolve("@pulumi/aws/package.json"));
  const tokens = new Set<string>();
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const index = path.join(root, entry.name, "index.js");
    if (entry.isDirectory() && fs.existsSync(index)) {
      for (const match of fs.readFileSync(index, "utf8").matchAll(/case "(aws:[^"]+)"/g)) {
        tokens.add(match[1]);
      }
    }
  }
  return [...tokens].sort();
}
