/**
 * The shapes a policy is written in (its definition, docs and checks) and the shape the pack, the docs
 * generator and the checker read back (`CompliancePolicy`). Types only: `policy.ts` builds policies.
 */
import type { EnforcementLevel, ResourceValidationPolicy, Severity, StackValidationPolicy } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

export interface ComplianceMapping {
  readonly cis?: readonly string[];
  readonly nist?: readonly string[];
  readonly pci?: readonly string[];
}

/** The reference text of a policy: shown in docs/policies.md and Pulumi Cloud. */
export interface PolicyDocs {
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
export interface PolicyBase {
  /** Kebab-case, prefixed by the service folder: `codepipeline-artifact-store-region`. */
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  readonly enforcementLevel: EnforcementLevel;
  readonly docs: PolicyDocs;
  /** Config knobs with defaults; `waivers` is added to every policy. */
  readonly config?: Readonly<Record<string, PolicyConfigJSONSchema>>;
}

export interface ResourceCheck {
  readonly resource: Subject;
  readonly config: PolicyConfig;
  violation(message: string): void;
  undecided(message: string): void;
}

export interface ResourcePolicyDefinition extends PolicyBase {
  /** Type tokens (`aws:s3/bucket:Bucket`) the policy inspects; other resources are skipped. */
  readonly resourceTypes: readonly string[];
  validate(check: ResourceCheck): void;
  /** Returns the fixed props (mutate `resource.props` in place to keep secrets), or undefined. */
  remediate?(resource: Subject, config: PolicyConfig): object | undefined;
}

export interface StackCheck {
  readonly resources: readonly Subject[];
  ofType(...types: string[]): readonly Subject[];
  readonly config: PolicyConfig;
  violation(resource: Subject, message: string): void;
  undecided(resource: Subject, message: string): void;
}

export interface StackPolicyDefinition extends PolicyBase {
  validate(check: StackCheck): void;
}

/** What the pack, the docs generator and the checker's rule table read about a policy. */
export interface PolicyMeta {
  readonly kind: "resource" | "stack";
  readonly docs: PolicyDocs;
  readonly remediable: boolean;
  /** Resource policies: the type tokens they inspect (checked against the installed provider). */
  readonly resourceTypes?: readonly string[];
}

export type CompliancePolicy = (ResourceValidationPolicy | StackValidationPolicy) & PolicyMeta;
