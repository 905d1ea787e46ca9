/**
 * What the SDK and Pulumi Cloud show about a policy besides its checks: the framework it maps to,
 * remediation steps, url and tags, and its config schema with the defaults the engine fills in.
 */
import type { PolicyComplianceFramework } from "@pulumi/policy";
import type { ComplianceMapping, PolicyBase, PolicyConfig, PolicyMeta } from "./definitions";
import { waiversConfigSchema } from "./waivers";

const FRAMEWORKS = [
  { key: "cis", name: "CIS AWS Foundations Benchmark", version: "3.0.0" },
  { key: "nist", name: "NIST SP 800-53", version: "Rev. 5" },
  { key: "pci", name: "PCI DSS", version: "4.0" },
] as const;

/** The SDK carries one framework per policy: the first mapped one, in the order above. */
export function primaryFramework(compliance: ComplianceMapping): PolicyComplianceFramework | undefined {
  for (const framework of FRAMEWORKS) {
    const ids = compliance[framework.key];
    if (ids && ids.length > 0) {
      const reference = ids.join(", ");
      return { name: framework.name, version: framework.version, reference, specification: reference };
    }
  }
  return undefined;
}

/** The SDK fields and pack metadata of a policy, from its definition. */
export function sdkFields(definition: PolicyBase, kind: PolicyMeta["kind"], remediable: boolean) {
  const properties = { ...definition.config, waivers: waiversConfigSchema };
  return {
    name: definition.name,
    description: definition.description,
    severity: definition.severity,
    enforcementLevel: definition.enforcementLevel,
    configSchema: { properties },
    remediationSteps: definition.docs.fix,
    url: definition.docs.url,
    framework: primaryFramework(definition.docs.compliance),
    tags: [definition.name.split("-")[0]],
    kind,
    docs: definition.docs,
    remediable,
  };
}

// Shared, so the parsed-waivers cache (keyed by the list) also serves a bare SDK that sends no config.
const NO_WAIVERS: readonly unknown[] = [];

/** Config as the engine sends it, over the schema defaults (the engine fills them, a bare SDK does not). */
export function configOf(definition: PolicyBase, configured: object): PolicyConfig {
  const defaults: Record<string, unknown> = { waivers: NO_WAIVERS };
  for (const [key, schema] of Object.entries(definition.config ?? {})) {
    defaults[key] = schema.default;
  }
  return { ...defaults, ...configured };
}
