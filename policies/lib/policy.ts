/**
 * Defines a compliance policy in one object and turns it into the SDK's policy, adding what every
 * policy in the kit shares: config defaults, the `waivers` config, waiver handling, `[undecided]`
 * findings for unknown values, and the metadata Pulumi Cloud shows (remediation steps, url, framework).
 * Also the shapes a policy is written in (its definition, docs and checks) and the shape the pack, the
 * docs generator and the checker read back (`CompliancePolicy`).
 */
import type {
  EnforcementLevel,
  PolicyComplianceFramework,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { isUnknownValueFailure } from "./props";
import { Findings, isWaived, waiversConfigSchema } from "./waivers";

/** Control ids a policy maps to, per framework. */
interface ComplianceMapping {
  readonly cis?: readonly string[];
  readonly nist?: readonly string[];
  readonly pci?: readonly string[];
}

/** The reference text of a policy: shown in docs/policies.md and Pulumi Cloud. */
interface PolicyDocs {
  readonly what: string;
  readonly why: string;
  readonly fix: string;
  readonly url: string;
  readonly compliance: ComplianceMapping;
}

/** Policy config after defaults are applied; read it with the readers in `props.ts`. */
export type PolicyConfig = Readonly<Record<string, unknown>>;

/** A resource as a policy sees it: `props` are the SDK's proxied inputs, read them with `props.ts`. */
export interface Subject {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly props: unknown;
  readonly provider?: { readonly props: unknown };
  /**
   * Resources each input's value came from (stack policies only: the engine sends them with the
   * stack, not with a single resource). Decides about inputs that are unknown during preview.
   */
  readonly propertyDependencies?: Readonly<Record<string, readonly Subject[]>>;
  /** The resource's parent (stack policies only), when the stack holds it. */
  readonly parent?: Subject;
}

/** What every policy definition gives, resource or stack policy. */
interface PolicyBase {
  /** Kebab-case, prefixed by the service folder: `codepipeline-artifact-store-region`. */
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  readonly enforcementLevel: EnforcementLevel;
  readonly docs: PolicyDocs;
  /** Config knobs with defaults; `waivers` is added to every policy. */
  readonly config?: Readonly<Record<string, PolicyConfigJSONSchema>>;
}

/** What a resource policy's `validate` gets: the resource, its config, and where findings go. */
export interface ResourceCheck {
  readonly resource: Subject;
  readonly config: PolicyConfig;
  violation(message: string): void;
  undecided(message: string): void;
}

/** A policy that inspects one resource at a time, as written for `resourcePolicy`. */
export interface ResourcePolicyDefinition extends PolicyBase {
  /** Type tokens (`aws:s3/bucket:Bucket`) the policy inspects; other resources are skipped. */
  readonly resourceTypes: readonly string[];
  validate(check: ResourceCheck): void;
  /** Returns the fixed props (mutate `resource.props` in place to keep secrets), or undefined. */
  remediate?(resource: Subject, config: PolicyConfig): object | undefined;
}

/** What a stack policy's `validate` gets: every resource of the stack, its config, and where findings go. */
export interface StackCheck {
  readonly resources: readonly Subject[];
  ofType(...types: string[]): readonly Subject[];
  readonly config: PolicyConfig;
  violation(resource: Subject, message: string): void;
  undecided(resource: Subject, message: string): void;
}

/** A policy that inspects the whole stack, as written for `stackPolicy`. */
interface StackPolicyDefinition extends PolicyBase {
  validate(check: StackCheck): void;
}

/** What the pack, the docs generator and the checker's rule table read about a policy. */
interface PolicyMeta {
  readonly kind: "resource" | "stack";
  readonly docs: PolicyDocs;
  readonly remediable: boolean;
  /** Resource policies: the type tokens they inspect (checked against the installed provider). */
  readonly resourceTypes?: readonly string[];
}

/** A policy as the SDK runs it, with what the kit reads back about it. */
export type CompliancePolicy = (ResourceValidationPolicy | StackValidationPolicy) & PolicyMeta;

const FRAMEWORKS = [
  { key: "cis", name: "CIS AWS Foundations Benchmark", version: "3.0.0" },
  { key: "nist", name: "NIST SP 800-53", version: "Rev. 5" },
  { key: "pci", name: "PCI DSS", version: "4.0" },
] as const;

/** The SDK carries one framework per policy: the first mapped one, in the order above. */
function primaryFramework(compliance: ComplianceMapping): PolicyComplianceFramework | undefined {
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
      if (isWaived(definition.name, args, config.waivers)) {
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
