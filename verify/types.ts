import type { AwsClients } from "./clients";
import type { StackOutputs } from "./outputs";

export type CheckStatus = "pass" | "fail" | "skip" | "info";

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
}

/** What a check body decides; the runner adds the check's id and title. */
export type Outcome = Pick<CheckResult, "status" | "detail">;

export interface CheckContext {
  outputs: StackOutputs;
  clients: AwsClients;
}

export interface Check {
  id: string;
  title: string;
  /** Id of a check that must pass first; when it does not, this one is skipped instead of failing noisily. */
  requires?: string;
  run(ctx: CheckContext): Promise<Outcome>;
}

export const pass = (detail: string): Outcome => ({ status: "pass", detail });
export const fail = (detail: string): Outcome => ({ status: "fail", detail });
export const info = (detail: string): Outcome => ({ status: "info", detail });
