/**
 * Fuzzes the five core policies against inputs whose verdict is known by construction (see
 * oracle.ts): a passing base, recorded mutations and neutral noise. Any input on which a policy
 * fires, stays silent or is undecided other than recorded fails with the seed that replays it.
 */
import fc from "fast-check";
import type { CompliancePolicy } from "../../policies/lib/policy";
import { policies } from "../../policies/pack";
import type { ResourceInput, StackMember } from "./engine";
import { fuzz, runsFromEnv, seedFromEnv, verdictProperty } from "./fuzz";
import {
  artifactStoreRegionCases,
  codeCommitRuleMatchesSourceCases,
  deployTargetInStackCases,
  noDeprecatedInlineConfigCases,
  noGitHubV1SourceCases,
  type OracleInput,
  type Verdict,
} from "./oracle";

const seed = seedFromEnv();
// Every input here is a case with a known answer, not a random shape, so fewer of them find as much
// as the general fuzz's thousand and keep the default run to a few seconds; FUZZ_RUNS raises it.
const ORACLE_RUNS = 300;
const numRuns = process.env.FUZZ_RUNS === undefined ? ORACLE_RUNS : runsFromEnv();
// Generous: a slow shared machine must not turn a passing run into a timeout.
const timeout = 60_000 + numRuns * 20;

type Cases = () => fc.Arbitrary<OracleInput<ResourceInput>> | fc.Arbitrary<OracleInput<StackMember[]>>;

/** Per core policy: its cases and the verdicts they must reach (the S3 policy never needs an unknown value). */
const ORACLES: readonly (readonly [name: string, cases: Cases, verdicts: readonly Verdict[]])[] = [
  ["codepipeline-artifact-store-region", artifactStoreRegionCases, ["fires", "silent", "undecided"]],
  ["codepipeline-no-github-v1-source", noGitHubV1SourceCases, ["fires", "silent", "undecided"]],
  ["s3-no-deprecated-inline-config", noDeprecatedInlineConfigCases, ["fires", "silent"]],
  ["ecs-deploy-target-in-stack", deployTargetInStackCases, ["fires", "silent", "undecided"]],
  ["eventbridge-codecommit-rule-matches-source", codeCommitRuleMatchesSourceCases, ["fires", "silent", "undecided"]],
];

function packPolicy(name: string): CompliancePolicy {
  const policy = policies.find((p) => p.name === name);
  if (policy === undefined) {
    throw new Error(`the pack has no policy ${name}`);
  }
  return policy;
}

describe("the core policies against inputs of known verdict", () => {
  test.each(ORACLES.map(([name, cases]) => [name, cases] as const))(
    "%s fires, stays silent or is undecided as each input's mutations say",
    async (name, cases) => {
      const policy = packPolicy(name);
      const inputs = cases() as fc.Arbitrary<OracleInput<ResourceInput | StackMember[]>>;
      const result = await fuzz(policy, inputs, (handlers, oracle) => verdictProperty(policy, handlers, oracle), { seed, numRuns });
      if (result.failed) {
        throw new Error(result.message);
      }
      expect(result.numRuns).toBe(numRuns);
    },
    timeout,
  );

  // An oracle that only ever expects silence would pass any policy that never fires.
  test.each(ORACLES.map(([name, cases, verdicts]) => [name, cases, verdicts] as const))(
    "%s: the generated inputs reach each verdict the policy can give, often",
    (_name, cases, verdicts) => {
      const sample = fc.sample(cases() as fc.Arbitrary<OracleInput<unknown>>, { seed, numRuns: 1_000 });
      const counts = new Map<Verdict, number>();
      for (const { subject } of sample) {
        counts.set(subject.expected, (counts.get(subject.expected) ?? 0) + 1);
      }
      const rare = [...counts.keys(), ...verdicts].filter((verdict) => !verdicts.includes(verdict) || (counts.get(verdict) ?? 0) < 100);
      expect({ seed, rare }).toEqual({ seed, rare: [] });
    },
  );
});
