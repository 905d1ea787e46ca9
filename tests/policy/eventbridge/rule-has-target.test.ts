import { TestResource, unknown, urnOf } from "../harness";
import { stackFindings } from "../policy-under-test";

const POLICY = "eventbridge-rule-has-target";
const RULE = "aws:cloudwatch/eventRule:EventRule";
const TARGET = "aws:cloudwatch/eventTarget:EventTarget";

const rule: TestResource = { type: RULE, name: "failures", props: { name: unknown, eventPattern: '{"source":["aws.codepipeline"]}' } };
const target = (props: Record<string, unknown>, dependsOnRule = false): TestResource => ({
  type: TARGET,
  name: "failures-target",
  props: { arn: "arn:aws:sns:us-east-1:111111111111:failures", ...props },
  propertyDependencies: dependsOnRule ? { rule: [`${RULE}::failures`] } : undefined,
});

const findings = (resources: readonly TestResource[]) => stackFindings(POLICY, resources);

describe("eventbridge-rule-has-target", () => {
  it("reports a rule without a target, as advisory", async () => {
    expect(await findings([rule])).toEqual([
      { policyName: POLICY, level: "advisory", urn: urnOf(RULE, "failures"), message: "failures has no EventTarget" },
    ]);
  });

  it("passes a target matched by property dependency at preview or by the rule's name", async () => {
    expect(await findings([rule, target({ rule: unknown }, true)])).toEqual([]);
    const named: TestResource = { ...rule, props: { name: "pipeline-failures" } };
    expect(await findings([named, target({ rule: "pipeline-failures" })])).toEqual([]);
  });

  it("reports a rule whose only target belongs to another rule", async () => {
    const named: TestResource = { ...rule, props: { name: "pipeline-failures" } };
    expect(await findings([named, target({ rule: "other-rule" })])).toHaveLength(1);
  });

  it("is undecided when a target's rule is unknown with no dependency", async () => {
    expect(await findings([rule, target({ rule: unknown })])).toEqual([
      expect.objectContaining({
        level: "advisory",
        message: expect.stringMatching(/^\[undecided\] cannot tell whether failures has EventTarget: failures-target's rule is unknown/),
      }),
    ]);
  });
});
