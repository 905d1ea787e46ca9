import type { CompliancePolicy } from "../lib/policy";
import { waiverMistakes } from "./mistakes";

/** The policies about waivers, which check them against `checked`: every other policy of the pack. */
export function waiverPolicies(checked: readonly CompliancePolicy[]): readonly CompliancePolicy[] {
  return [waiverMistakes(checked)];
}
