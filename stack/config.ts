import * as pulumi from "@pulumi/pulumi";

/** Every setting the program reads, validated. Pulumi.yaml declares the same keys with their defaults. */
export interface StackConfig {
  project: string;
  /** Short environment name used in physical names and tags (default: the stack name). */
  environment: string;
  region: string;
  availabilityZones: string[];
  /** GitHub repository as "owner/name". */
  githubRepo: string;
  githubBranch: string;
  approvalRequired: boolean;
  /** Image the service runs until the pipeline's first deploy; undefined means this stack's ECR repository. */
  containerImage: string | undefined;
  containerPort: number;
  healthCheckPath: string;
  desiredCount: number;
  cpu: number;
  memory: number;
  logRetentionDays: number;
  notificationEmail: string | undefined;
  allowedIngressCidr: string;
  /** ACM certificate of the load balancer's HTTPS listener, in the stack's region. */
  certificateArn: string;
  /** Existing bucket that receives the load balancer's access logs; undefined means none (tagged why). */
  accessLogsBucket: string | undefined;
  deletionProtection: boolean;
  kmsDeletionWindowDays: number;
}

/** Reads one raw (string) value of the project's namespace; undefined when unset. */
export type ConfigReader = (key: string) => string | undefined;

export interface ConfigSource {
  project: string;
  stack: string;
  read: ConfigReader;
  /** The provider's `aws:region`, if set. */
  region: string | undefined;
}

// The values CloudWatch Logs accepts for retentionInDays.
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

// Fargate's valid memory sizes (MiB) for each CPU size (units).
const FARGATE_MEMORY: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
};

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
}

/**
 * Parses and validates the raw configuration. All problems are reported together, each naming the key
 * as it is written in Pulumi.<stack>.yaml and what to change, so one edit fixes them all.
 */
export function parseConfig(source: ConfigSource): StackConfig {
  const { project, stack, read } = source;
  const problems: string[] = [];
  const problem = (key: string, message: string): void => {
    problems.push(`${project}:${key}: ${message}`);
  };

  const text = (key: string, fallback: string): string => {
    const value = read(key)?.trim();
    return value === undefined || value === "" ? fallback : value;
  };
  const optionalText = (key: string): string | undefined => {
    const value = read(key)?.trim();
    return value === "" ? undefined : value;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const value = text(key, String(fallback));
    if (value !== "true" && value !== "false") problem(key, `must be true or false, got "${value}"`);
    return value === "true";
  };
  const integer = (key: string, fallback: number, min: number, max: number, why = ""): number => {
    const raw = text(key, String(fallback));
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      problem(key, `must be a whole number from ${min} to ${max}${why}, got "${raw}"`);
    }
    return value;
  };

  const environment = text("environment", stack);
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(environment)) {
    problem(
      "environment",
      `must be 1-16 lowercase letters, digits or dashes starting with a letter (it is part of resource names), got "${environment}"`,
    );
  }

  // Project and environment prefix every physical name (stack/names.ts). The longest name,
  // `<prefix>-artifacts-<account id>`, must fit S3's limit of 63 lowercase characters.
  const prefix = `${project}-${environment}`;
  if (!/^[a-z][a-z0-9-]*$/.test(project) || prefix.length > 40) {
    problems.push(
      `Pulumi.yaml name: must be lowercase letters, digits or dashes starting with a letter, and "<name>-<environment>" at most 40 characters (it prefixes physical names such as the S3 bucket's), got "${prefix}"`,
    );
  }

  const region = source.region?.trim() || "us-east-1";
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    problems.push(`aws:region: must be an AWS region such as us-east-1, got "${region}"`);
  }

  const availabilityZones = parseZones(read("availabilityZones"), region, (message) => problem("availabilityZones", message));

  const githubRepo = text("githubRepo", "");
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(githubRepo)) {
    problem("githubRepo", `must look like owner/name (the GitHub repository the pipeline builds), got "${githubRepo}"`);
  }
  const githubBranch = text("githubBranch", "main");
  if (/\s|\.\.|^[-/]|[~^:?*[\\]/.test(githubBranch)) {
    problem("githubBranch", `must be a git branch name such as main, got "${githubBranch}"`);
  }

  const approvalRequired = bool("approvalRequired", false);
  if (environment === "prod" && !approvalRequired) {
    problem("approvalRequired", "must be true for prod: production deploys wait for a manual approval");
  }

  const containerImage = optionalText("containerImage");
  const containerPort = integer(
    "containerPort",
    8080,
    1024,
    65535,
    " (the container runs as a non-root user, which cannot bind lower ports)",
  );
  const healthCheckPath = text("healthCheckPath", "/");
  if (!healthCheckPath.startsWith("/")) {
    problem("healthCheckPath", `must start with "/", got "${healthCheckPath}"`);
  }
  const desiredCount = integer("desiredCount", 1, 1, 100);

  const cpu = integer("cpu", 256, 256, 4096);
  const memory = integer("memory", 512, 512, 30720);
  const memoryChoices = FARGATE_MEMORY[cpu];
  if (memoryChoices === undefined) {
    problem("cpu", `must be one of ${Object.keys(FARGATE_MEMORY).join(", ")} (Fargate CPU units), got ${cpu}`);
  } else if (!memoryChoices.includes(memory)) {
    problem("memory", `must be one of ${memoryChoices.join(", ")} MiB for cpu ${cpu} (Fargate sizes), got ${memory}`);
  }

  const logRetentionDays = integer("logRetentionDays", 14, 1, 3653);
  if (!RETENTION_DAYS.includes(logRetentionDays)) {
    problem(
      "logRetentionDays",
      `must be one of the values CloudWatch Logs accepts (${RETENTION_DAYS.join(", ")}), got ${logRetentionDays}`,
    );
  }

  const notificationEmail = optionalText("notificationEmail");
  if (notificationEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(notificationEmail)) {
    problem("notificationEmail", `must be an email address or unset, got "${notificationEmail}"`);
  }

  const allowedIngressCidr = text("allowedIngressCidr", "0.0.0.0/0");
  if (!isIpv4Cidr(allowedIngressCidr)) {
    problem("allowedIngressCidr", `must be an IPv4 CIDR block such as 203.0.113.0/24, got "${allowedIngressCidr}"`);
  }

  // The HTTPS listener needs a certificate from ACM in the load balancer's own region.
  const certificateArn = text("certificateArn", "");
  const certificateRegion = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/.exec(certificateArn)?.[1];
  if (certificateRegion !== region) {
    problem(
      "certificateArn",
      `must be the ARN of an ACM certificate in ${region} (arn:aws:acm:${region}:<account>:certificate/<id>) for the HTTPS listener, got "${certificateArn}"`,
    );
  }
  const accessLogsBucket = optionalText("accessLogsBucket");
  if (accessLogsBucket !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(accessLogsBucket)) {
    problem("accessLogsBucket", `must be an S3 bucket name or unset, got "${accessLogsBucket}"`);
  }

  const deletionProtection = bool("deletionProtection", false);
  const kmsDeletionWindowDays = integer("kmsDeletionWindowDays", 30, 7, 30);

  if (problems.length > 0) {
    // RunError: the engine prints the message without a stack trace, as befits a user mistake.
    throw new pulumi.RunError(
      `Invalid configuration in Pulumi.${stack}.yaml (set with \`pulumi config set <key> <value> --stack ${stack}\`):\n  - ${problems.join("\n  - ")}`,
    );
  }

  return {
    project,
    environment,
    region,
    availabilityZones,
    githubRepo,
    githubBranch,
    approvalRequired,
    containerImage,
    containerPort,
    healthCheckPath,
    desiredCount,
    cpu,
    memory,
    logRetentionDays,
    notificationEmail,
    allowedIngressCidr,
    certificateArn,
    accessLogsBucket,
    deletionProtection,
    kmsDeletionWindowDays,
  };
}

function parseZones(raw: string | undefined, region: string, problem: (message: string) => void): string[] {
  let zones: unknown = [];
  try {
    zones = raw === undefined || raw.trim() === "" ? [] : JSON.parse(raw);
  } catch {
    zones = undefined;
  }
  // Without an invoke the program stays deterministic offline; "a" and "b" exist in most regions.
  if (Array.isArray(zones) && zones.length === 0) return [`${region}a`, `${region}b`];
  if (!Array.isArray(zones) || zones.length < 2 || !zones.every((z) => typeof z === "string" && z.startsWith(region))) {
    problem(`must be a list of at least two availability zones of ${region} (the load balancer needs two), got ${raw}`);
    return [];
  }
  return zones as string[];
}

function isIpv4Cidr(value: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (match === null) return false;
  const octets = match.slice(1, 5).map(Number);
  return octets.every((o) => o <= 255) && Number(match[5]) <= 32;
}

/** Reads the running stack's configuration. */
export function loadConfig(): StackConfig {
  const config = new pulumi.Config();
  return parseConfig({
    project: pulumi.getProject(),
    stack: pulumi.getStack(),
    read: (key) => config.get(key),
    region: new pulumi.Config("aws").get("region"),
  });
}
