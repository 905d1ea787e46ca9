import * as path from "path";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { answerInvokes, type InvokingMonitor } from "../../checker/record/functions";
import { functionOutputNames, resultMembers } from "../../checker/record/functionOutputs";
import { Recorder } from "../../checker/record/recorder";
import { unansweredFunctions, unansweredNote } from "../../checker/report/unanswered";
import { UNKNOWN } from "../../model";

const ROOT = path.resolve(__dirname, "..", "..");
const SDK = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const resolveFromKit = (request: string): string => require.resolve(request, { paths: [ROOT] });

function request(tok: string, args: Record<string, unknown> = {}): resproto.ResourceInvokeRequest {
  const req = new resproto.ResourceInvokeRequest();
  req.setTok(tok);
  req.setVersion("7.48.0");
  req.setArgs(Struct.fromJavaScript(args as never));
  return req;
}

/** Answers one invoke through answerInvokes over a stand-in mock monitor. */
function invoke(tok: string, args: Record<string, unknown> = {}, names: (token: string) => string[] | undefined = () => undefined) {
  const recorder = new Recorder("proj", "dev", "/prog/index.ts", "/prog", { values: { "aws:region": "eu-west-1" }, secretKeys: [] });
  const forwarded: string[] = [];
  const monitor: InvokingMonitor = {
    invoke: (req, cb) => {
      forwarded.push(req.getTok());
      cb(null, "from the mock");
    },
  };
  answerInvokes(monitor, recorder, SDK, names);
  let response: unknown;
  let error: unknown;
  monitor.invoke(request(tok, args), (err, resp) => {
    error = err;
    response = resp;
  });
  return { response: response as resproto.ResourceInvokeResponse, error: error as { details?: string } | null, recorder, forwarded };
}

describe("answering invokes from the provider model", () => {
  it("returns a computed function's outputs and records the call as answered", () => {
    const { response, recorder } = invoke("aws:index/getRegion:getRegion");
    expect(response.getReturn()?.toJavaScript()).toMatchObject({ region: "eu-west-1" });
    expect(response.getUnknown()).toBe(false);
    expect(recorder.invokes).toEqual([{ token: "aws:index/getRegion:getRegion", answered: true }]);
    expect(recorder.resources.map((r) => r.name)).toEqual(["default_7_48_0"]);
  });

  it("answers an unknown function with unknown outputs by name, or the engine's wholly unknown response", () => {
    const named = invoke("aws:ec2/getVpc:getVpc", {}, () => ["id"]);
    expect(named.response.getReturn()?.toJavaScript()).toEqual({ id: UNKNOWN });
    expect(named.recorder.invokes).toEqual([{ token: "aws:ec2/getVpc:getVpc", answered: false }]);
    const whole = invoke("aws:ec2/getVpc:getVpc");
    expect(whole.response.getUnknown()).toBe(true);
    expect(whole.response.getReturn()).toBeUndefined();
  });

  it("returns the provider's refusal as failures, and leaves the SDK's own getResource to the mock", () => {
    const refused = invoke("aws:iam/getPolicyDocument:getPolicyDocument", { version: "1999" });
    expect(refused.response.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([
      ["version", expect.stringContaining("1999")],
    ]);
    const own = invoke("pulumi:pulumi:getResource", { urn: "urn:x" });
    expect(own.forwarded).toEqual(["pulumi:pulumi:getResource"]);
    expect(own.response).toBe("from the mock");
    expect(own.recorder.invokes).toEqual([]);
  });

  it("reports a failure of the model as an invoke error the SDK can show", () => {
    const { error } = invoke("aws:ec2/getVpc:getVpc", {}, () => {
      throw new Error("typings unreadable");
    });
    expect(error?.details).toBe("the provider model failed on aws:ec2/getVpc:getVpc: typings unreadable");
    const thrown = invoke("aws:ec2/getVpc:getVpc", {}, () => {
      throw "not an Error";
    });
    expect(thrown.error?.details).toBe("the provider model failed on aws:ec2/getVpc:getVpc: not an Error");
  });
});

describe("output names from SDK typings", () => {
  it("reads a result interface's members", () => {
    const typings = [
      "export interface GetThingArgs {",
      "    name?: string;",
      "}",
      "export interface GetThingResult {",
      "    readonly arn: string;",
      "    /** doc */",
      "    readonly tags?: {",
      "        [key: string]: string;",
      "    };",
      "}",
    ].join("\n");
    expect(resultMembers(typings, "GetThingResult")).toEqual(["arn", "tags"]);
    expect(resultMembers(typings, "GetOtherResult")).toBeUndefined();
  });

  it("finds the typings of the function's package, in a module folder or at the root", () => {
    const names = functionOutputNames(resolveFromKit);
    expect(names("aws:ec2/getVpc:getVpc")).toEqual(expect.arrayContaining(["id", "cidrBlock", "arn"]));
    expect(names("aws:index/getRegion:getRegion")).toEqual(["description", "endpoint", "id", "name", "region"]);
    expect(names("aws:ec2/getVpc:getVpc")).toBe(names("aws:ec2/getVpc:getVpc"));
    expect(names("aws:ec2/getNothing:getNothing")).toBeUndefined();
    expect(names("notapackage:index/getX:getX")).toBeUndefined();
    expect(names("aws:../../etc/passwd:x")).toBeUndefined();
    expect(names("malformed")).toBeUndefined();
  });
});

describe("unanswered functions in the report", () => {
  it("counts unanswered calls per token, sorted, and names them in one note", () => {
    const list = unansweredFunctions([
      { token: "aws:ec2/getVpc:getVpc", answered: false },
      { token: "aws:index/getRegion:getRegion", answered: true },
      { token: "aws:ec2/getSubnets:getSubnets", answered: false },
      { token: "aws:ec2/getVpc:getVpc", answered: false },
    ]);
    expect(list).toEqual([
      { token: "aws:ec2/getSubnets:getSubnets", calls: 1 },
      { token: "aws:ec2/getVpc:getVpc", calls: 2 },
    ]);
    expect(unansweredNote(list)).toBe(
      "note: 2 function(s) the offline provider model cannot answer returned unknown results (aws:ec2/getSubnets:getSubnets, aws:ec2/getVpc:getVpc (2 calls)): " +
        "policies that depend on them report [undecided]; a real pulumi preview --policy-pack calls them",
    );
    expect(unansweredNote([])).toBeUndefined();
  });
});
