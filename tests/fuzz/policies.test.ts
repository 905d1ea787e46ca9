/**
 * Fuzzes every policy of the pack, as `policies/pack.ts` lists it: at least FUZZ_RUNS (default
 * 1,000) generated inputs per policy through the SDK's gRPC handlers. See fuzz.ts for the properties.
 */
import { pinToday } from "../../policies/lib/clock";
import type { CompliancePolicy } from "../../policies/lib/policy";
import { policies } from "../../policies/pack";
import { referenceCorpus, seededTypes } from "./corpus";
import { fuzz, FUZZ_TODAY, resourceProperty, runsFromEnv, seedFromEnv, stackProperty } from "./fuzz";
import { resourceArbitrary, stackArbitrary, type Corpus } from "./generators";
import { awsTypeTokens, inspectedTypes } from "./types";

const seed = seedFromEnv();
const numRuns = runsFromEnv();
// Generous: a slow shared machine must not turn a passing fuzz into a timeout.
const timeout = 120_000 + numRuns * 200;

let corpus: Corpus;
let candidates: string[];

beforeAll(async () => {
  // Waiver expiry depends on the day: pinned, a seed replays the same findings on any day.
  pinToday(FUZZ_TODAY);
  corpus = await referenceCorpus();
  candidates = [...new Set([...awsTypeTokens(), ...seededTypes(corpus)])];
}, 120_000);

afterAll(() => pinToday(undefined));

async function fuzzPolicy(policy: CompliancePolicy) {
  if (policy.kind === "stack") {
    return fuzz(policy, stackArbitrary(policy, corpus), stackProperty, { seed, numRuns });
  }
  const types = inspectedTypes(policy, candidates);
  if (types.length === 0) {
    throw new Error(
      `${policy.name} inspects none of the ${candidates.length} type tokens of @pulumi/aws and the seeds: is a type token misspelled?`,
    );
  }
  return fuzz(policy, resourceArbitrary(policy, types, corpus), resourceProperty(policy), { seed, numRuns });
}

test.each(policies.map((policy) => [policy.name, policy] as const))(
  "%s: no input crashes it, results are deterministic, remediation is idempotent",
  async (_name, policy) => {
    const result = await fuzzPolicy(policy);
    if (result.failed) {
      throw new Error(result.message);
    }
    expect(result.numRuns).toBe(numRuns);
  },
  timeout,
);
