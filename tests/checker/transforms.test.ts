// Transforms through the checker's whole path: each program runs in its own child under the SDK's mocks,
// its transforms run as the engine runs them, and the test pack reports over gRPC what Analyze and
// Remediate were given (`echo`: inputs, options, provider; `mark-secrets`: which inputs are secret).
import * as path from "path";
import { runCheck, type CheckResult } from "../../checker/index";
import { CheckError } from "../../checker/errors";
import { usePack } from "./packFixture";

const PACK = path.join(__dirname, "packs", "transforms");
const program = (name: string): string => path.join(__dirname, "programs", "transforms", `${name}.ts`);
const URN = "urn:pulumi:dev::transforms::";
const DEFAULT_PROVIDER = `${URN}pulumi:providers:test::default`;
const NO_TIMEOUTS = { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 };

interface Echo {
  props: Record<string, unknown>;
  opts: Record<string, unknown>;
  provider?: string;
}

/** What the pack's echo policy saw for a resource. */
function echo(result: CheckResult, name: string): Echo {
  const found = result.violations.filter((v) => v.policy === "echo" && v.resourceName === name);
  expect(found).toHaveLength(1);
  return JSON.parse(found[0].message) as Echo;
}

function blocked(result: CheckResult): string[] {
  return result.violations
    .filter((v) => v.enforcementLevel === "mandatory")
    .map((v) => `${v.policy}@${v.resourceName}`)
    .sort();
}

jest.setTimeout(120_000);

describe("transforms as the engine applies them", () => {
  const pack = usePack({ policyPack: PACK, project: "transforms", stack: "dev" });

  it("applies a resource's own transforms to that resource only", async () => {
    const result = await runCheck({ program: program("own"), pack: pack() });
    expect(echo(result, "fixed").props).toEqual({ by: "own:fixed:true", encrypted: true, size: 3 });
    expect(echo(result, "untouched").props).toEqual({ encrypted: false, size: 3 });
    expect(blocked(result)).toEqual(["must-be-encrypted@untouched"]);
  });

  it("applies a component's transforms to the component and every descendant, innermost parent first", async () => {
    const result = await runCheck({ program: program("parents"), pack: pack() });
    expect(echo(result, "nested").props.trail).toEqual(["declared", "own@nested", "inner@nested", "outer@nested"]);
    expect(echo(result, "direct").props.trail).toEqual(["declared", "outer@direct"]);
    expect(echo(result, "outside").props.trail).toEqual(["declared"]);
    expect(echo(result, "outer").props).toEqual({ trail: ["outer@outer"] });
    expect(echo(result, "inner").props).toEqual({ trail: ["inner@inner", "outer@inner"] });
  });

  it("applies stack transforms to every resource the SDK registers after them", async () => {
    const result = await runCheck({ program: program("stack"), pack: pack() });
    expect(echo(result, "early").props).toEqual({ encrypted: false });
    expect(echo(result, "declared-first").props).toEqual({ encrypted: true });
    expect(echo(result, "later").props).toEqual({ encrypted: true });
    expect(blocked(result)).toEqual(["must-be-encrypted@early"]);
  });

  it("runs own, then parents' (innermost first), then stack transforms, and the verdicts follow that order", async () => {
    const result = await runCheck({ program: program("order"), pack: pack() });
    expect(echo(result, "local-off").props).toEqual({ encrypted: true, trail: ["own", "stack-1", "stack-2"] });
    expect(echo(result, "group-off").props).toEqual({ encrypted: false, trail: ["own", "inner", "outer", "stack-1", "stack-2"] });
    expect(blocked(result)).toEqual(["must-be-encrypted@group-off"]);
  });

  it("keeps a registration exactly as declared when a transform returns undefined", async () => {
    const result = await runCheck({ program: program("unchanged"), pack: pack() });
    expect(echo(result, "declared")).toEqual({
      props: {
        after: "second",
        nested: { empty: {}, list: [1, "two", { three: true }] },
        password: "hunter2",
        ref: "<unknown>",
        secretInputs: ["password"],
      },
      opts: {
        protect: true,
        ignoreChanges: ["nested"],
        deleteBeforeReplace: false,
        aliases: [],
        customTimeouts: { createSeconds: 120, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
      },
      provider: DEFAULT_PROVIDER,
    });
    expect(result.remediated).toEqual([
      expect.objectContaining({
        policy: "mark-secrets",
        resourceName: "declared",
        changes: [{ path: "secretInputs", before: undefined, after: ["password"] }],
      }),
    ]);
  });

  it("records the options a transform changes, the provider included", async () => {
    const result = await runCheck({ program: program("options"), pack: pack() });
    expect(echo(result, "moved")).toEqual({
      props: { size: 1 },
      opts: {
        protect: true,
        ignoreChanges: ["tags"],
        deleteBeforeReplace: true,
        aliases: [`${URN}test:index:Thing::old-name`],
        customTimeouts: { createSeconds: 300, updateSeconds: 600, deleteSeconds: 3600 },
        additionalSecretOutputs: ["token"],
      },
      provider: `${URN}pulumi:providers:test::explicit`,
    });
    expect(echo(result, "kept")).toEqual({
      props: { size: 1 },
      opts: { protect: false, ignoreChanges: ["size"], aliases: [], customTimeouts: NO_TIMEOUTS, additionalSecretOutputs: [] },
      provider: DEFAULT_PROVIDER,
    });
  });

  it("hands secrets and unknowns to a transform as Outputs and keeps them secret and unknown", async () => {
    const result = await runCheck({ program: program("values"), pack: pack() });
    expect(echo(result, "values").props).toEqual({
      moved: "hunter2",
      pending: "<unknown>",
      plain: "p",
      sawOutputs: true,
      secretInputs: ["moved"],
    });
    expect(result.remediated.map((r) => r.changes)).toEqual([[{ path: "secretInputs", before: undefined, after: ["moved"] }]]);
  });

  it("runs invoke transforms before the provider answers the invoke", async () => {
    const result = await runCheck({ program: program("invoke"), pack: pack() });
    expect(echo(result, "lookup").props).toEqual({ asked: "first", got: "second", seen: ["pulumi:pulumi:getResource"] });
  });

  it("fails the check, naming the resource, when a transform throws", async () => {
    const failure = runCheck({ program: program("failing"), pack: pack() });
    await expect(failure).rejects.toThrow(CheckError);
    await expect(failure).rejects.toThrow(
      "failed to register new resource refused [test:index:Thing]: transform failed: Error: no such thing allowed",
    );
  });
});
