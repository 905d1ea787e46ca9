/**
 * The set-up most per-policy tests share: one policy, run on one resource of one type and name,
 * its findings filtered from the whole pack's and its remediation run at level `remediate`.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import {
  analyzeResource,
  analyzeStack,
  of,
  remediate,
  urnOf,
  type Diagnostic,
  type PackConfig,
  type Remediation,
  type TestResource,
} from "./harness";

/** One policy's view of one resource; see {@link policyOn}. */
export interface PolicyUnderTest {
  /** The policy's findings on the resource with `props`, the policy's config properties set to `config`. */
  findings(props: Record<string, unknown>, config?: Record<string, unknown>): Promise<Diagnostic[]>;
  /** The Remediate RPC with the policy at level `remediate`, its config properties set to `config`. */
  remediate(props: Record<string, unknown>, config?: Record<string, unknown>): Promise<Remediation[]>;
  /** The finding the policy reports on the resource with `message`. */
  finding(message: string, level?: EnforcementLevel): Diagnostic;
}

/** Tests `policyName` on a resource `type` named `name`. */
export function policyOn(policyName: string, type: string, name: string): PolicyUnderTest {
  return {
    findings: async (props, config) =>
      of(policyName, await analyzeResource(type, name, props, { config: config && { [policyName]: config } })),
    remediate: (props, config) => {
      const remediating: PackConfig = { [policyName]: { ...config, enforcementLevel: "remediate" } };
      return remediate(type, name, props, { config: remediating });
    },
    finding: (message, level = "mandatory") => ({ policyName, level, urn: urnOf(type, name), message }),
  };
}

/** One stack policy's findings on `resources`, its config properties set to `config`. */
export async function stackFindings(
  policy: string,
  resources: readonly TestResource[],
  config?: Record<string, unknown>,
): Promise<Diagnostic[]> {
  const packConfig: PackConfig | undefined = config && { [policy]: config };
  return of(policy, await analyzeStack(resources, { config: packConfig }));
}
