// The whole path in-process (the program still runs in its own child, the pack in its own process):
// the tiny test pack judges the tiny test program, once with a fresh pack and then through a reused one.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCheck } from "../../checker/index";
import { CheckError } from "../../checker/errors";
import { causeOf, engineLauncher } from "../../checker/serve/launcher";
import { liveCount } from "../../checker/serve/processes";
import { pairs, usePack } from "./packFixture";

const PACK = path.join(__dirname, "packs", "basic");
const BROKEN = path.join(__dirname, "packs", "broken");
const PROGRAM = path.join(__dirname, "programs", "basic.ts");

jest.setTimeout(120_000);

describe("runCheck with the test pack", () => {
  const pack = usePack({ policyPack: PACK, project: "programs", stack: "dev" });

  it("sorts every kind of finding the way the engine reports them", async () => {
    const result = await runCheck({ program: PROGRAM, pack: pack() });
    // Stack, default provider, three buckets, two topics.
    expect(result.resources).toBe(7);
    expect(pairs(result.violations)).toEqual([
      "at-most-two-buckets@logs",
      "at-most-two-buckets@programs-dev",
      "bucket-has-tags@third",
      "no-inline-versioning@logs",
    ]);
    expect(result.violations.find((v) => v.resourceName === "programs-dev")).toMatchObject({
      resourceType: "pulumi:pulumi:Stack",
      urn: "urn:pulumi:dev::programs::pulumi:pulumi:Stack::programs-dev",
      message: "a topic named stack-level has no resource to blame",
    });
    expect(pairs(result.waived)).toEqual(["bucket-has-tags@plain"]);
    expect(result.undecided).toHaveLength(1);
    expect(result.undecided[0]).toMatchObject({ policy: "topic-name-known", resourceName: "alerts" });
    expect(result.undecided[0].message).toContain("string value at .displayName can't be known during preview");
    expect(result.remediated).toEqual([
      {
        policy: "force-destroy-off",
        resourceType: "aws:s3/bucket:Bucket",
        resourceName: "logs",
        urn: "urn:pulumi:dev::programs::aws:s3/bucket:Bucket::logs",
        changes: [{ path: "forceDestroy", before: true, after: false }],
      },
    ]);
    expect(result.locations.get("urn:pulumi:dev::programs::aws:s3/bucket:Bucket::logs")).toEqual({ file: PROGRAM, line: 4 });
    expect(result.timings.serve).toBe(0);
  });

  it("judges a stack export the same way, reading secrets as secrets", async () => {
    const stackUrn = "urn:pulumi:dev::programs::pulumi:pulumi:Stack::programs-dev";
    const state = {
      version: 3,
      deployment: {
        resources: [
          { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" },
          {
            urn: "urn:pulumi:dev::programs::aws:s3/bucket:Bucket::old",
            custom: true,
            type: "aws:s3/bucket:Bucket",
            parent: stackUrn,
            inputs: { versioning: { enabled: true }, tags: { owner: "x" } },
            outputs: {},
          },
        ],
      },
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pc-state-")), "state.json");
    fs.writeFileSync(file, JSON.stringify(state));
    const result = await runCheck({ state: file, pack: pack() });
    expect(result.resources).toBe(2);
    expect(pairs(result.violations)).toEqual(["no-inline-versioning@old"]);
    expect(result.entry).toBe(file);
  });
});

describe("runCheck with its own pack", () => {
  it("applies the policy config file and stops the pack afterwards", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pc-config-"));
    const config = path.join(dir, "policy-config.json");
    fs.writeFileSync(config, JSON.stringify({ all: "disabled", "bucket-has-tags": { enforcementLevel: "mandatory", tagName: "team" } }));
    const result = await runCheck({ program: PROGRAM, policyPack: PACK, policyPackConfig: config });
    // A "[waived] " message only waives at advisory level; at mandatory it stays a violation.
    expect(result.violations.map((v) => [v.resourceName, v.enforcementLevel, v.message])).toEqual([
      ["logs", "mandatory", "missing tag team"],
      ["plain", "mandatory", "[waived] tag team not required here"],
      ["third", "mandatory", "missing tag team"],
    ]);
    expect(result.remediated).toEqual([]);
    expect(result.timings.record).toBeGreaterThan(0);
    expect(result.timings.serve).toBeGreaterThan(0);
    expect(result.pack.policies.map((p) => p.name)).toContain("force-destroy-off");
    expect(liveCount()).toBe(0);
  });

  it("reports a pack that fails to load with the pack's own error", async () => {
    const error = await runCheck({ program: PROGRAM, policyPack: BROKEN }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as Error).message).toMatch(/^policy pack .*broken failed to load \(exit \d+\): Error: this pack is broken on purpose$/);
    expect(liveCount()).toBe(0);
  });

  it("refuses a directory that is not a policy pack", async () => {
    await expect(engineLauncher.start(__dirname, { project: "p", stack: "s", organization: "o", config: {} }, 1000)).rejects.toThrow(
      `--policy-pack ${__dirname}: no PulumiPolicy.yaml`,
    );
    await expect(
      engineLauncher.start("/nonexistent-pack", { project: "p", stack: "s", organization: "o", config: {} }, 1000),
    ).rejects.toThrow("--policy-pack /nonexistent-pack: no such directory");
  });
});

describe("pack failure causes", () => {
  it("picks the error line out of a stack dump", () => {
    expect(causeOf('/x/index.js:3\nthrow new Error("x");\n^\n\nError: boom\n    at Object.<anonymous> (/x/index.js:3:7)\n')).toBe(
      "Error: boom",
    );
    expect(causeOf("TSError: ⨯ Unable to compile TypeScript:\npolicies/a.ts(1,7): error TS2322: bad\n")).toBe(
      "TypeScript error: policies/a.ts(1,7): error TS2322: bad",
    );
    expect(causeOf("error: [runtime] failed:\n    \u001b[90mError: coloured\u001b[39m\n")).toBe("Error: coloured");
    expect(causeOf("something odd\n")).toBe("something odd");
    expect(causeOf("")).toBe("no output");
  });
});
