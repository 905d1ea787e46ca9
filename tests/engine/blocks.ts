// Building blocks of generated programs, taken from the corpus: each renders a few statements that
// register resources the pack judges, with the choices that flip verdicts left to the generator.
import fc from "fast-check";

/** One block: the statements it adds; `id` keeps names unique within a program. */
export interface Block {
  readonly kind: string;
  render(id: string): string;
}

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const lit = (v: unknown): string => (v === undefined ? "undefined" : JSON.stringify(v));

const kmsKey = fc
  .record({ rotation: maybe(fc.boolean()), window: maybe(fc.constantFrom(7, 30)), secret: fc.boolean() })
  .map((o): Block => ({
    kind: "kms-key",
    render: (id) =>
      `new aws.kms.Key("key-${id}", { enableKeyRotation: ${o.secret ? `pulumi.secret(${lit(o.rotation ?? false)})` : lit(o.rotation)}, deletionWindowInDays: ${lit(o.window)} }, opts);`,
  }));

const repository = fc.record({ mutability: maybe(fc.constantFrom("MUTABLE", "IMMUTABLE")), scan: maybe(fc.boolean()) }).map((o): Block => ({
  kind: "ecr-repository",
  render: (id) =>
    `new aws.ecr.Repository("repo-${id}", { imageTagMutability: ${lit(o.mutability)}${o.scan === undefined ? "" : `, imageScanningConfiguration: { scanOnPush: ${o.scan} }`} }, opts);`,
}));

const logGroup = fc.record({ retention: maybe(fc.constantFrom(0, 30, 400)), encrypted: fc.boolean() }).map((o): Block => ({
  kind: "log-group",
  render: (id) =>
    o.encrypted
      ? `const lk${id} = new aws.kms.Key("logkey-${id}", { enableKeyRotation: true, deletionWindowInDays: 30 }, opts);\nnew aws.cloudwatch.LogGroup("logs-${id}", { retentionInDays: ${lit(o.retention)}, kmsKeyId: lk${id}.arn }, opts);`
      : `new aws.cloudwatch.LogGroup("logs-${id}", { retentionInDays: ${lit(o.retention)} }, opts);`,
}));

const topic = fc
  .record({ keyId: maybe(fc.constantFrom("alias/aws/sns", "arn:aws:kms:us-east-1:123456789012:key/abc")) })
  .map((o): Block => ({
    kind: "sns-topic",
    render: (id) => `new aws.sns.Topic("topic-${id}", { kmsMasterKeyId: ${lit(o.keyId)} }, opts);`,
  }));

const rolePolicy = fc
  .record({
    actions: fc.constantFrom(["*"], ["s3:GetObject"], ["s3:*", "iam:PassRole"]),
    resources: fc.constantFrom(["*"], ["arn:aws:s3:::generated-bucket/*"]),
    viaFunction: fc.boolean(),
  })
  .map((o): Block => ({
    kind: "role-policy",
    render: (id) => {
      const trust = `JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "codebuild.amazonaws.com" }, Action: "sts:AssumeRole" }] })`;
      const doc = o.viaFunction
        ? `aws.iam.getPolicyDocumentOutput({ statements: [{ actions: ${lit(o.actions)}, resources: ${lit(o.resources)} }] }).json`
        : `JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ${lit(o.actions)}, Resource: ${lit(o.resources)} }] })`;
      return `const role${id} = new aws.iam.Role("role-${id}", { assumeRolePolicy: ${trust} }, opts);\nnew aws.iam.RolePolicy("policy-${id}", { role: role${id}.name, policy: ${doc} }, opts);`;
    },
  }));

const unknownName = fc.constant<Block>({
  kind: "unknown-value",
  render: (id) =>
    `const src${id} = new aws.s3.Bucket("source-${id}", {}, opts);\nnew aws.sns.Topic("named-${id}", { name: src${id}.arn.apply((a) => a.split(":").pop() ?? "t"), kmsMasterKeyId: "alias/aws/sns" }, opts);`,
});

/** Any block. */
export const block: fc.Arbitrary<Block> = fc.oneof(kmsKey, repository, logGroup, topic, rolePolicy, unknownName);

/** A whole program: blocks, maybe inside a component, maybe under a stack transform. */
export interface GeneratedProgram {
  readonly blocks: readonly Block[];
  readonly inComponent: boolean;
  readonly stackTransform: "none" | "rotate-keys" | "mutable-tags";
  readonly source: string;
}

function render(blocks: readonly Block[], inComponent: boolean, stackTransform: GeneratedProgram["stackTransform"]): string {
  const lines = ['import * as aws from "@pulumi/aws";', 'import * as pulumi from "@pulumi/pulumi";', ""];
  if (stackTransform === "rotate-keys") {
    lines.push(
      'pulumi.runtime.registerResourceTransform((a) => a.type === "aws:kms/key:Key" ? { props: { ...a.props, enableKeyRotation: true }, opts: a.opts } : undefined);',
    );
  } else if (stackTransform === "mutable-tags") {
    lines.push(
      'pulumi.runtime.registerResourceTransform((a) => a.type === "aws:ecr/repository:Repository" ? { props: { ...a.props, imageTagMutability: "MUTABLE" }, opts: a.opts } : undefined);',
    );
  }
  if (inComponent) {
    lines.push(
      "class Group extends pulumi.ComponentResource {",
      "    constructor(name: string) {",
      '        super("generated:index:Group", name, {});',
      "        const opts = { parent: this };",
    );
    blocks.forEach((b, i) =>
      lines.push(
        ...b
          .render(String(i))
          .split("\n")
          .map((l) => `        ${l}`),
      ),
    );
    lines.push("        this.registerOutputs({});", "    }", "}", 'new Group("group");');
  } else {
    lines.push("const opts: pulumi.CustomResourceOptions = {};");
    blocks.forEach((b, i) => lines.push(...b.render(String(i)).split("\n")));
  }
  return `${lines.join("\n")}\n`;
}

export const program: fc.Arbitrary<GeneratedProgram> = fc
  .record({
    blocks: fc.array(block, { minLength: 1, maxLength: 4 }),
    inComponent: fc.boolean(),
    stackTransform: fc.constantFrom("none" as const, "rotate-keys" as const, "mutable-tags" as const),
  })
  .map((p) => {
    const source = render(p.blocks, p.inComponent, p.stackTransform);
    // fast-check prints a counterexample with this: the program itself, ready to paste into a fixture.
    return { ...p, source, [fc.toStringMethod]: () => `\n${source}` };
  });
