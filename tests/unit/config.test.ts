import * as pulumi from "@pulumi/pulumi";
import { parseConfig, type StackConfig } from "../../stack/config";

const PROJECT = "pipeline-compliance-kit";

// `null` stands for an unset aws:region (undefined would pick the default parameter).
function parse(values: Record<string, string>, stack = "dev", region: string | null = "eu-west-1"): StackConfig {
  return parseConfig({ project: PROJECT, stack, region: region ?? undefined, read: (key) => values[key] });
}

function errorOf(values: Record<string, string>, stack = "dev", region: string | null = "eu-west-1"): Error {
  try {
    parse(values, stack, region);
  } catch (error) {
    return error as Error;
  }
  throw new Error("parseConfig accepted an invalid configuration");
}

const CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-0000-4000-8000-000000000001";
const valid = { githubRepo: "acme/widgets", certificateArn: CERTIFICATE };

describe("parseConfig defaults", () => {
  test("only githubRepo and certificateArn are required; the rest falls back to the defaults Pulumi.yaml documents", () => {
    expect(parse(valid)).toEqual({
      project: PROJECT,
      environment: "dev",
      region: "eu-west-1",
      availabilityZones: ["eu-west-1a", "eu-west-1b"],
      githubRepo: "acme/widgets",
      githubBranch: "main",
      approvalRequired: false,
      containerImage: undefined,
      containerPort: 8080,
      healthCheckPath: "/",
      desiredCount: 1,
      cpu: 256,
      memory: 512,
      logRetentionDays: 14,
      notificationEmail: undefined,
      allowedIngressCidr: "0.0.0.0/0",
      certificateArn: CERTIFICATE,
      accessLogsBucket: undefined,
      deletionProtection: false,
      kmsDeletionWindowDays: 30,
    });
  });

  test("region defaults to us-east-1 when aws:region is unset, and zones follow it", () => {
    const config = parse({ ...valid, certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/c" }, "dev", null);
    expect(config.region).toBe("us-east-1");
    expect(config.availabilityZones).toEqual(["us-east-1a", "us-east-1b"]);
  });

  test("the empty values Pulumi.yaml declares as defaults mean unset", () => {
    const config = parse(
      { ...valid, environment: "", containerImage: "", notificationEmail: "", accessLogsBucket: "", availabilityZones: "[]" },
      "staging",
    );
    expect(config).toMatchObject({
      environment: "staging",
      containerImage: undefined,
      notificationEmail: undefined,
      accessLogsBucket: undefined,
      availabilityZones: ["eu-west-1a", "eu-west-1b"],
    });
  });

  test("set values are parsed into their types; blank optional values count as unset", () => {
    const config = parse({
      ...valid,
      environment: "qa-2",
      githubBranch: "release/1.x",
      approvalRequired: "true",
      containerImage: "public.ecr.aws/acme/widgets:1.0",
      containerPort: "3000",
      healthCheckPath: "/healthz",
      desiredCount: "4",
      cpu: "1024",
      memory: "3072",
      logRetentionDays: "90",
      notificationEmail: " ",
      allowedIngressCidr: "203.0.113.0/24",
      deletionProtection: "true",
      accessLogsBucket: "acme-alb-logs",
      kmsDeletionWindowDays: "7",
      availabilityZones: '["eu-west-1b","eu-west-1c"]',
    });
    expect(config).toMatchObject({
      environment: "qa-2",
      githubBranch: "release/1.x",
      approvalRequired: true,
      containerImage: "public.ecr.aws/acme/widgets:1.0",
      containerPort: 3000,
      healthCheckPath: "/healthz",
      desiredCount: 4,
      cpu: 1024,
      memory: 3072,
      logRetentionDays: 90,
      notificationEmail: undefined,
      allowedIngressCidr: "203.0.113.0/24",
      deletionProtection: true,
      accessLogsBucket: "acme-alb-logs",
      kmsDeletionWindowDays: 7,
      availabilityZones: ["eu-west-1b", "eu-west-1c"],
    });
  });
});

describe("parseConfig rejects mistakes, naming the key, the stack file and what to change", () => {
  test.each<[string, Record<string, string>, string]>([
    [
      "githubRepo missing",
      {},
      'pipeline-compliance-kit:githubRepo: must look like owner/name (the GitHub repository the pipeline builds), got ""',
    ],
    ["githubRepo without owner", { githubRepo: "widgets" }, "pipeline-compliance-kit:githubRepo: must look like owner/name"],
    [
      "githubRepo as URL",
      { githubRepo: "https://github.com/acme/widgets" },
      "pipeline-compliance-kit:githubRepo: must look like owner/name",
    ],
    [
      "branch with a space",
      { ...valid, githubBranch: "my branch" },
      "pipeline-compliance-kit:githubBranch: must be a git branch name such as main",
    ],
    ["branch with ..", { ...valid, githubBranch: "a..b" }, "pipeline-compliance-kit:githubBranch: must be a git branch name"],
    [
      "negative desired count",
      { ...valid, desiredCount: "-1" },
      'pipeline-compliance-kit:desiredCount: must be a whole number from 1 to 100, got "-1"',
    ],
    [
      "fractional desired count",
      { ...valid, desiredCount: "1.5" },
      'pipeline-compliance-kit:desiredCount: must be a whole number from 1 to 100, got "1.5"',
    ],
    [
      "privileged port",
      { ...valid, containerPort: "80" },
      'pipeline-compliance-kit:containerPort: must be a whole number from 1024 to 65535 (the container runs as a non-root user, which cannot bind lower ports), got "80"',
    ],
    ["boolean typo", { ...valid, approvalRequired: "yes" }, 'pipeline-compliance-kit:approvalRequired: must be true or false, got "yes"'],
    ["uppercase environment", { ...valid, environment: "Dev" }, "pipeline-compliance-kit:environment: must be 1-16 lowercase letters"],
    [
      "relative health check path",
      { ...valid, healthCheckPath: "health" },
      'pipeline-compliance-kit:healthCheckPath: must start with "/", got "health"',
    ],
    [
      "cpu Fargate does not offer",
      { ...valid, cpu: "300", memory: "1024" },
      "pipeline-compliance-kit:cpu: must be one of 256, 512, 1024, 2048, 4096 (Fargate CPU units), got 300",
    ],
    [
      "memory not valid for the cpu",
      { ...valid, cpu: "256", memory: "4096" },
      "pipeline-compliance-kit:memory: must be one of 512, 1024, 2048 MiB for cpu 256 (Fargate sizes), got 4096",
    ],
    [
      "retention CloudWatch does not accept",
      { ...valid, logRetentionDays: "10" },
      "pipeline-compliance-kit:logRetentionDays: must be one of the values CloudWatch Logs accepts",
    ],
    [
      "malformed email",
      { ...valid, notificationEmail: "oncall" },
      'pipeline-compliance-kit:notificationEmail: must be an email address or unset, got "oncall"',
    ],
    [
      "CIDR with a bad octet",
      { ...valid, allowedIngressCidr: "10.0.0.256/8" },
      "pipeline-compliance-kit:allowedIngressCidr: must be an IPv4 CIDR block",
    ],
    [
      "CIDR with a bad prefix",
      { ...valid, allowedIngressCidr: "10.0.0.0/33" },
      "pipeline-compliance-kit:allowedIngressCidr: must be an IPv4 CIDR block",
    ],
    [
      "not a CIDR at all",
      { ...valid, allowedIngressCidr: "anywhere" },
      "pipeline-compliance-kit:allowedIngressCidr: must be an IPv4 CIDR block",
    ],
    [
      "certificateArn missing",
      { githubRepo: "acme/widgets" },
      'pipeline-compliance-kit:certificateArn: must be the ARN of an ACM certificate in eu-west-1 (arn:aws:acm:eu-west-1:<account>:certificate/<id>) for the HTTPS listener, got ""',
    ],
    [
      "certificateArn in another region",
      { ...valid, certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/c" },
      "pipeline-compliance-kit:certificateArn: must be the ARN of an ACM certificate in eu-west-1",
    ],
    [
      "certificateArn not from ACM",
      { ...valid, certificateArn: "arn:aws:iam::123456789012:server-certificate/c" },
      "pipeline-compliance-kit:certificateArn: must be the ARN of an ACM certificate",
    ],
    [
      "accessLogsBucket not a bucket name",
      { ...valid, accessLogsBucket: "Logs_Bucket" },
      'pipeline-compliance-kit:accessLogsBucket: must be an S3 bucket name or unset, got "Logs_Bucket"',
    ],
    [
      "KMS window below AWS's minimum",
      { ...valid, kmsDeletionWindowDays: "3" },
      "pipeline-compliance-kit:kmsDeletionWindowDays: must be a whole number from 7 to 30",
    ],
    [
      "one zone only",
      { ...valid, availabilityZones: '["eu-west-1a"]' },
      "pipeline-compliance-kit:availabilityZones: must be a list of at least two availability zones of eu-west-1",
    ],
    [
      "zones of another region",
      { ...valid, availabilityZones: '["us-east-1a","us-east-1b"]' },
      "availabilityZones: must be a list of at least two availability zones of eu-west-1",
    ],
    [
      "zones not JSON",
      { ...valid, availabilityZones: "eu-west-1a,eu-west-1b" },
      "availabilityZones: must be a list of at least two availability zones of eu-west-1 (the load balancer needs two), got eu-west-1a,eu-west-1b",
    ],
  ])("%s", (_case, values, message) => {
    const error = errorOf(values);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/^Invalid configuration in Pulumi\.dev\.yaml \(set with `pulumi config set <key> <value> --stack dev`\)/);
  });

  test("a bad aws:region is reported under the provider's key", () => {
    expect(errorOf(valid, "dev", "Europe").message).toContain('aws:region: must be an AWS region such as us-east-1, got "Europe"');
  });

  test("the project name prefixes physical names: lowercase, and at most 40 characters with the environment", () => {
    const parseAs = (project: string, environment: string): StackConfig =>
      parseConfig({
        project,
        stack: "dev",
        region: "eu-west-1",
        read: (key) => (({ ...valid, environment }) as Record<string, string>)[key],
      });
    expect(() => parseAs("Sample_App", "dev")).toThrow(
      'Pulumi.yaml name: must be lowercase letters, digits or dashes starting with a letter, and "<name>-<environment>" at most 40 characters (it prefixes physical names such as the S3 bucket\'s), got "Sample_App-dev"',
    );
    expect(() => parseAs(`${PROJECT}-x`, "abcdefghij-klmno")).toThrow(`got "${PROJECT}-x-abcdefghij-klmno"`);
    expect(parseAs(PROJECT, "abcdefghij-klmno").environment).toBe("abcdefghij-klmno");
  });

  test("prod without approval is refused, other environments may skip it", () => {
    expect(errorOf(valid, "prod").message).toContain(
      "pipeline-compliance-kit:approvalRequired: must be true for prod: production deploys wait for a manual approval",
    );
    expect(parse({ ...valid, approvalRequired: "true" }, "prod").approvalRequired).toBe(true);
    expect(parse(valid, "staging").approvalRequired).toBe(false);
  });

  test("every problem is reported at once, one per line, as a RunError (printed without a stack trace)", () => {
    const error = errorOf({ ...valid, githubRepo: "nope", desiredCount: "0", logRetentionDays: "2" }, "staging");
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message.split("\n")).toEqual([
      "Invalid configuration in Pulumi.staging.yaml (set with `pulumi config set <key> <value> --stack staging`):",
      '  - pipeline-compliance-kit:githubRepo: must look like owner/name (the GitHub repository the pipeline builds), got "nope"',
      '  - pipeline-compliance-kit:desiredCount: must be a whole number from 1 to 100, got "0"',
      expect.stringContaining(
        "  - pipeline-compliance-kit:logRetentionDays: must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14,",
      ),
    ]);
  });
});
