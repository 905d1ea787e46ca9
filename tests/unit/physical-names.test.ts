// Physical names: what each resource a document refers to is called, that the names obey each service's
// rules at the longest configuration, that fixed names are replaced delete-first, and that every ARN in
// the role policies is one a resource of the stack reports (or a pattern that says why it is one).
import {
  ACCOUNT,
  PROJECT,
  asList,
  ofType,
  runProgram,
  single,
  stackFileConfig,
  statementsOf,
  type ProgramRun,
  type RecordedResource,
} from "./harness";

let dev: ProgramRun;
beforeAll(async () => {
  dev = await runProgram("dev", stackFileConfig("dev"));
});

// The input that holds a resource's physical name, where the program chooses one.
const nameInput = (r: RecordedResource): unknown =>
  r.type === "aws:s3/bucket:Bucket" ? r.inputs.bucket : (r.inputs.name ?? r.inputs.family);
const physical = (run: ProgramRun): Record<string, unknown> =>
  Object.fromEntries(
    run.resources.filter((r) => r.type.startsWith("aws:") && typeof nameInput(r) === "string").map((r) => [r.name, nameInput(r)]),
  );

test("the resources documents refer to are named after project and environment (the bucket also after the account)", () => {
  const p = `${PROJECT}-dev`;
  expect(physical(dev)).toEqual({
    "dev-kms-alias": `alias/${p}`,
    "dev-artifacts-bucket": `${p}-artifacts-${ACCOUNT}`,
    "dev-access-logs-bucket": `${p}-logs-${ACCOUNT}`,
    "dev-images-repository": `${p}-app`,
    "dev-app-cluster": p,
    "dev-app-logs": `/${PROJECT}/dev/ecs/app`,
    "dev-app-execution-role": `${p}-app-execution`,
    "dev-app-task-role": `${p}-app-task`,
    "dev-app-task": `${p}-app`,
    "dev-app-service": `${p}-app`,
    "dev-build-logs": `/${PROJECT}/dev/codebuild/build`,
    "dev-build-role": `${p}-build`,
    "dev-build-project": `${p}-build`,
    "dev-test-logs": `/${PROJECT}/dev/codebuild/test`,
    "dev-test-role": `${p}-test`,
    "dev-test-project": `${p}-test`,
    "dev-pipeline-github": p,
    "dev-pipeline-role": `${p}-pipeline`,
    "dev-pipeline-pipeline": p,
    "dev-alerts-topic": `${p}-pipeline-failures`,
    "dev-alerts-rule": `${p}-pipeline-failed`,
  });
});

test("a fixed name is replaced delete-first; the task definition is not, its revisions share the family", () => {
  const named = Object.keys(physical(dev));
  const deleteFirst = dev.resources.filter((r) => r.deleteBeforeReplace).map((r) => r.name);
  expect(deleteFirst.sort()).toEqual(named.filter((n) => n !== "dev-app-task").sort());
});

test("at the longest environment name every physical name obeys its service's rules", async () => {
  const run = await runProgram("dev", { ...stackFileConfig("dev"), [`${PROJECT}:environment`]: "abcdefghij-klmno" });
  const names = physical(run);
  const name = (logical: string): string => String(names[`abcdefghij-klmno-${logical}`]);
  const RULES: [string, RegExp][] = [
    // S3: 3-63 lowercase letters, digits, dashes.
    ["artifacts-bucket", /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/],
    // ECR: lowercase, up to 256.
    ["images-repository", /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/],
    // IAM roles: up to 64.
    ...["app-execution-role", "app-task-role", "build-role", "test-role", "pipeline-role"].map((r): [string, RegExp] => [
      r,
      /^[\w+=,.@-]{1,64}$/,
    ]),
    // EventBridge rules: up to 64.
    ["alerts-rule", /^[.\-_A-Za-z0-9]{1,64}$/],
    // CodeConnections: up to 32.
    ["pipeline-github", /^.{1,32}$/],
    ["pipeline-pipeline", /^[A-Za-z0-9.@_-]{1,100}$/],
    ["alerts-topic", /^[A-Za-z0-9_-]{1,256}$/],
    ["app-cluster", /^[A-Za-z0-9_-]{1,255}$/],
    ["build-project", /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/],
  ];
  expect(RULES.filter(([logical, rule]) => !rule.test(name(logical))).map(([logical]) => name(logical))).toEqual([]);
  expect(name("artifacts-bucket")).toHaveLength(63);
});

test("every ARN in the role policies is one a resource of the stack reports, or a documented pattern", () => {
  const reported = dev.resources.flatMap((r) =>
    typeof r.state.arn === "string" ? [r.state.arn, `${r.state.arn}/*`, `${r.state.arn}:*`] : [],
  );
  const regional = (resource: string): string =>
    `arn:aws:${resource.split(":")[0]}:us-east-1:${ACCOUNT}:${resource.slice(resource.indexOf(":") + 1)}`;
  const PATTERNS = [
    "*",
    // The key's ARN is unknown at preview: any key of the account, narrowed by kms:ResourceAliases.
    regional("kms:key/*"),
    // A connection's ARN holds a random id: any connection, narrowed by the repository.
    regional("codeconnections:connection/*"),
    regional(`ecs:task-definition/${PROJECT}-dev-app:*`),
    regional(`ecs:task/${PROJECT}-dev/*`),
    regional(`ecs:container-instance/${PROJECT}-dev/*`),
  ];
  const resources = ofType(dev, "aws:iam/rolePolicy:RolePolicy")
    .flatMap((p) => statementsOf(p.inputs.policy))
    .flatMap((s) => asList(s.Resource));
  expect(resources.length).toBeGreaterThan(20);
  expect(resources.filter((arn) => !reported.includes(arn) && !PATTERNS.includes(arn))).toEqual([]);
});

test("the key's ARN is never needed in a role policy: its statements name the alias the stack creates", () => {
  const keyStatements = ofType(dev, "aws:iam/rolePolicy:RolePolicy")
    .flatMap((p) => statementsOf(p.inputs.policy))
    .filter((s) => asList(s.Action).some((a) => a.startsWith("kms:")));
  expect(keyStatements).toHaveLength(3);
  for (const statement of keyStatements) {
    expect(statement).toEqual({
      Sid: "UseStackKey",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
      Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`,
      Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": single(dev, "aws:kms/alias:Alias").inputs.name } },
    });
  }
});
