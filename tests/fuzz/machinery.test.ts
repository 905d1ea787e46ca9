/**
 * The fuzz can fail: the same machinery that runs the pack, pointed at purpose-built broken
 * policies (made with the framework's own `resourcePolicy`, served by the same SDK handlers),
 * reports each broken property with the seed, the policy and the shrunk input.
 */
import { pinToday } from "../../policies/lib/clock";
import { resourcePolicy, type CompliancePolicy, type ResourceCheck, type Subject } from "../../policies/lib/policy";
import { isSet, read } from "../../policies/lib/props";
import { CODEPIPELINE_PIPELINE } from "../../policies/lib/resource-types";
import { corpusOf } from "./corpus";
import { DEFAULT_RUNS, fuzz, FUZZ_TODAY, resourceProperty, runsFromEnv, seedFromEnv } from "./fuzz";
import { resourceArbitrary } from "./generators";
import { HAND_GROUPS } from "./seeds";

const corpus = corpusOf(HAND_GROUPS);
const seed = seedFromEnv();

beforeAll(() => pinToday(FUZZ_TODAY));
afterAll(() => pinToday(undefined));

function dummy(
  name: string,
  validate: (check: ResourceCheck) => void,
  remediate?: (resource: Subject) => object | undefined,
): CompliancePolicy {
  return resourcePolicy({
    name,
    description: "A deliberately broken policy for testing the fuzz itself.",
    severity: "low",
    enforcementLevel: "mandatory",
    resourceTypes: [CODEPIPELINE_PIPELINE],
    docs: { what: "-", why: "-", fix: "-", url: "https://example.com", compliance: {} },
    validate,
    remediate,
  });
}

async function run(policy: CompliancePolicy) {
  return fuzz(policy, resourceArbitrary(policy, [CODEPIPELINE_PIPELINE], corpus), resourceProperty(policy), {
    seed,
    numRuns: DEFAULT_RUNS,
  });
}

// Every failure report must let its reader replay it and see what broke.
function expectReport(message: string, policyName: string, broken: readonly string[]): void {
  expect(message).toContain(`policy ${policyName} failed`);
  expect(message).toContain(`FUZZ_SEED=${seed}`);
  expect(message).toContain("shrunk input:");
  expect(message).toContain(CODEPIPELINE_PIPELINE);
  for (const text of broken) {
    expect(message).toContain(text);
  }
}

// Both reported when the pipeline sets roleArn, so their remediations have a violation to fix or leave.
function flagsRoleArn(message: string): (check: ResourceCheck) => void {
  return (check) => {
    if (isSet(check.resource.props, "roleArn")) {
      check.violation(message);
    }
  };
}

/** A remediation that edits the inputs in place; `edit` says whether it changed anything. */
function rewrite(edit: (props: Record<string, unknown>) => boolean): (resource: Subject) => object | undefined {
  return (resource) => {
    const props = resource.props as Record<string, unknown>;
    return edit(props) ? props : undefined;
  };
}

let calls = 0;
const BROKEN: readonly { what: string; policy: CompliancePolicy; broken: readonly string[] }[] = [
  {
    what: "a policy that throws on some input as a gRPC error, with seed and shrunk input",
    policy: dummy("fuzz-dummy-throws", (check) => {
      if (read.string(check.resource.props, "roleArn") === undefined) {
        throw new TypeError("dummy cannot handle a pipeline without a roleArn");
      }
    }),
    broken: ["Analyze returned a gRPC error", "dummy cannot handle a pipeline without a roleArn"],
  },
  {
    what: "a policy whose findings differ for the same input",
    policy: dummy("fuzz-dummy-flaky", (check) => check.violation(`finding number ${++calls}`)),
    broken: ["Analyze differs for the same input"],
  },
  {
    what: "a remediation that changes its own output again",
    policy: dummy(
      "fuzz-dummy-growing",
      () => undefined,
      rewrite((props) => {
        const revision = read.number(props, "revision");
        props.revision = (typeof revision === "number" ? revision : 0) + 1;
        return true;
      }),
    ),
    broken: ["remediation is not idempotent"],
  },
  {
    what: "a remediation that leaves the violation it reports",
    policy: dummy(
      "fuzz-dummy-ineffective",
      flagsRoleArn("the pipeline sets roleArn"),
      rewrite((props) => {
        if (props.touched === true) {
          return false;
        }
        props.touched = true;
        return true;
      }),
    ),
    broken: ["still has violations the remediation should have fixed"],
  },
];

describe("the fuzz machinery", () => {
  test.each(BROKEN)(
    "reports $what",
    async ({ policy, broken }) => {
      const result = await run(policy);
      expect(result.failed).toBe(true);
      expectReport(result.message, policy.name, broken);
    },
    60_000,
  );

  test("passes a well-behaved policy with remediation on every input", async () => {
    const sound = dummy(
      "fuzz-dummy-sound",
      flagsRoleArn("roleArn is set"),
      rewrite((props) => isSet(props, "roleArn") && Reflect.deleteProperty(props, "roleArn")),
    );
    const result = await run(sound);
    expect(result).toEqual({ failed: false, numRuns: DEFAULT_RUNS, message: "" });
  }, 60_000);
});

describe("seed and run count from the environment", () => {
  test("FUZZ_SEED replays a given seed; without it each run draws one", () => {
    expect(seedFromEnv({ FUZZ_SEED: "1234" })).toBe(1234);
    expect(seedFromEnv({ FUZZ_SEED: "-7" })).toBe(-7);
    expect(Number.isInteger(seedFromEnv({}))).toBe(true);
    expect(() => seedFromEnv({ FUZZ_SEED: "abc" })).toThrow('FUZZ_SEED must be an integer, got "abc"');
  });

  test("FUZZ_RUNS raises the run count but never below the default", () => {
    expect(runsFromEnv({})).toBe(DEFAULT_RUNS);
    expect(runsFromEnv({ FUZZ_RUNS: "5000" })).toBe(5_000);
    expect(() => runsFromEnv({ FUZZ_RUNS: "10" })).toThrow(`FUZZ_RUNS must be an integer of at least ${DEFAULT_RUNS}`);
  });
});
