/**
 * Defines a compliance policy in one object and turns it into the SDK's policy, adding what every
 * policy in the kit shares: config defaults, the `waivers` config, waiver handling, `[undecided]`
 * findings for unknown values, and the metadata Pulumi Cloud shows (remediation steps, url, framework).
 */
import type {
  PolicyComplianceFramework,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
} from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type {
  ComplianceMapping,
  CompliancePolicy,
  PolicyBase,
  PolicyConfig,
  PolicyMeta,
  ResourcePolicyDefinition,
  StackPolicyDefinition,
} from "./definitions";
import { Findings } from "./findings";
import { isUnknownValueFailure } from "./props";
import { waiversConfigSchema, waiverStatus } from "./waivers";

export type {
  CompliancePolicy,
  ComplianceMapping,
  PolicyConfig,
  PolicyDocs,
  PolicyMeta,
  ResourceCheck,
  ResourcePolicyDefinition,
  StackCheck,
  StackPolicyDefinition,
  Subject,
} from "./definitions";
export { UNDECIDED, WAIVED } from "./findings";

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

function sdkFields(definition: PolicyBase, kind: PolicyMeta["kind"], remediable: boolean) {
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
function configOf(definition: PolicyBase, configured: object): PolicyConfig {
  const defaults: Record<string, unknown> = { waivers: NO_WAIVERS };
  for (const [key, schema] of Object.entries(definition.config ?? {})) {
    defaults[key] = schema.default;
  }
  return { ...defaults, ...configured };
}

/**
 * The SDK skips a function carrying `__pulumiType` for resources of any other type before it
 * deserializes their properties; for a one-type policy that saves a deserialization per resource of
 * every other type, the bulk of analysis time on large stacks. Multi-type policies check the type
 * themselves.
 */
function forSingleType<T extends object>(fn: T, types: readonly string[]): T {
  if (types.length === 1) {
    Object.defineProperty(fn, "__pulumiType", { value: types[0] });
  }
  return fn;
}

/** A policy that inspects one resource at a time. */
export function resourcePolicy(definition: ResourcePolicyDefinition): CompliancePolicy {
  const applies = (type: string): boolean => definition.resourceTypes.includes(type);
  const policy: ResourceValidationPolicy & PolicyMeta = {
    ...sdkFields(definition, "resource", definition.remediate !== undefined),
    resourceTypes: definition.resourceTypes,
    validateResource: forSingleType((args: ResourceValidationArgs, report: ReportViolation) => {
      if (!applies(args.type)) {
        return;
      }
      const config = configOf(definition, args.getConfig());
      const findings = new Findings(definition.name, config, report);
      findings.malformedConfig(args.urn);
      findings.malformedWaivers(args);
      findings.guard(args.urn, () =>
        definition.validate({
          resource: args,
          config,
          violation: (message) => findings.violation(args, message),
          undecided: (message) => findings.undecided(args.urn, message),
        }),
      );
    }, definition.resourceTypes),
  };
  const remediate = definition.remediate;
  if (remediate) {
    policy.remediateResource = forSingleType((args: ResourceValidationArgs) => {
      if (!applies(args.type)) {
        return undefined;
      }
      const config = configOf(definition, args.getConfig());
      if (waiverStatus(definition.name, args, config.waivers).active) {
        return undefined;
      }
      try {
        return remediate(args, config);
      } catch (error) {
        // Validation runs after remediation and reports the unknown as `[undecided]`.
        if (isUnknownValueFailure(error)) {
          return undefined;
        }
        throw error;
      }
    }, definition.resourceTypes);
  }
  return policy;
}

/** A config knob that lists names or patterns (empty unless `defaults` says otherwise). */
export function stringList(description: string, defaults: readonly string[] = []): PolicyConfigJSONSchema {
  return { type: "array", items: { type: "string" }, default: [...defaults], description };
}

/** A policy that inspects the whole stack; findings name the offending resource. */
export function stackPolicy(definition: StackPolicyDefinition): CompliancePolicy {
  return {
    ...sdkFields(definition, "stack", false),
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const config = configOf(definition, args.getConfig());
      const findings = new Findings(definition.name, config, report);
      const resources: readonly PolicyResource[] = args.resources;
      findings.malformedConfig(undefined);
      for (const resource of resources) {
        findings.malformedWaivers(resource);
      }
      findings.guard(undefined, () =>
        definition.validate({
          resources,
          ofType: (...types) => resources.filter((r) => types.includes(r.type)),
          config,
          violation: (resource, message) => findings.violation(resource, message),
          undecided: (resource, message) => findings.undecided(resource.urn, message),
        }),
      );
    },
  };
}
