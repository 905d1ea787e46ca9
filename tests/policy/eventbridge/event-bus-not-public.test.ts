import { analyzeResource, of, unknown, urnOf } from "../harness";
import { statementLike } from "../iam/documents";

const POLICY = "eventbridge-event-bus-not-public";
const BUS_POLICY = "aws:cloudwatch/eventBusPolicy:EventBusPolicy";
const PERMISSION = "aws:cloudwatch/eventPermission:EventPermission";

const putEvents = statementLike({ Sid: "Org", Effect: "Allow", Principal: "*", Action: "events:PutEvents", Resource: "*" });

async function findings(type: string, props: Record<string, unknown>) {
  return of(POLICY, await analyzeResource(type, "bus", props));
}

describe("eventbridge-event-bus-not-public", () => {
  it("reports an event bus policy open to every account", async () => {
    expect(await findings(BUS_POLICY, { policy: JSON.stringify({ Statement: [putEvents()] }) })).toEqual([
      expect.objectContaining({
        level: "mandatory",
        urn: urnOf(BUS_POLICY, "bus"),
        message: expect.stringMatching(/^policy Statement\[0\] \(Sid "Org"\) allows anyone .* to use the event bus/),
      }),
    ]);
  });

  it("passes a bus policy scoped by organization, and is undecided on an unknown one", async () => {
    expect(
      await findings(BUS_POLICY, {
        policy: { Statement: [putEvents({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })] },
      }),
    ).toEqual([]);
    expect(await findings(BUS_POLICY, { policy: unknown })).toEqual([expect.objectContaining({ level: "advisory" })]);
  });

  it("reports an event permission for principal * without a condition", async () => {
    expect(await findings(PERMISSION, { principal: "*", statementId: "all" })).toEqual([
      {
        policyName: POLICY,
        level: "mandatory",
        urn: urnOf(PERMISSION, "bus"),
        message:
          'principal "*" with no condition lets every AWS account put events on the bus: name the account or add condition aws:PrincipalOrgID',
      },
    ]);
  });

  it("passes a named account or a conditioned wildcard, even with an unknown condition", async () => {
    expect(await findings(PERMISSION, { principal: "222222222222", statementId: "one" })).toEqual([]);
    expect(
      await findings(PERMISSION, { principal: "*", condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: "o-abc" } }),
    ).toEqual([]);
    expect(await findings(PERMISSION, { principal: "*", condition: unknown })).toEqual([]);
  });

  it("is undecided when the principal is unknown and no condition narrows it", async () => {
    expect(await findings(PERMISSION, { principal: unknown })).toEqual([
      expect.objectContaining({
        level: "advisory",
        message: "[undecided] principal is unknown during preview: cannot tell whether the bus is open to every account",
      }),
    ]);
  });
});
