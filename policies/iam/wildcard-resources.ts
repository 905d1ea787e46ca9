/**
 * A Resource unknown at preview is an output of a resource the program creates: an ARN, never the
 * literal `*`, so it counts as scoped. Unknown actions cannot be judged and make the statement
 * undecided when it matters.
 */
import { actionMatches } from "../lib/iam-policy";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { mayGrant, PERMISSION_DOCUMENT_TYPES, permissionStatements, reportGrant } from "./documents";

/** Actions the Service Authorization Reference lists without a resource type: AWS accepts only "*" for them. */
const ACTIONS_WITHOUT_RESOURCES: readonly string[] = [
  "cloudwatch:GetMetricData",
  "cloudwatch:ListMetrics",
  "cloudwatch:PutMetricData",
  "codebuild:ListBuilds",
  "codebuild:ListCuratedEnvironmentImages",
  "codebuild:ListProjects",
  "codepipeline:ListPipelines",
  "codepipeline:PutJobFailureResult",
  "codepipeline:PutJobSuccessResult",
  "ec2:Describe*",
  "ecr:GetAuthorizationToken",
  "ecs:DeregisterTaskDefinition",
  "ecs:DescribeTaskDefinition",
  "ecs:DiscoverPollEndpoint",
  "ecs:ListClusters",
  "ecs:ListTaskDefinitionFamilies",
  "ecs:ListTaskDefinitions",
  "ecs:RegisterTaskDefinition",
  "elasticloadbalancing:Describe*",
  "kms:CreateKey",
  "kms:ListAliases",
  "kms:ListKeys",
  "logs:DescribeLogGroups",
  "s3:ListAllMyBuckets",
  "secretsmanager:GetRandomPassword",
  "secretsmanager:ListSecrets",
  "sns:ListTopics",
  "ssm:DescribeParameters",
  "sts:GetCallerIdentity",
  "tag:GetResources",
  "xray:GetSamplingRules",
  "xray:GetSamplingTargets",
  "xray:PutTelemetryRecords",
  "xray:PutTraceSegments",
];

function validate(check: ResourceCheck): void {
  const extra = knownOr(read.array(check.config, "allowedActions"), []).filter((entry): entry is string => typeof entry === "string");
  const accepted = [...ACTIONS_WITHOUT_RESOURCES, ...extra];
  const needsStar = (action: string): boolean => accepted.some((entry) => actionMatches(entry, action));
  for (const located of permissionStatements(check)) {
    const { actions, resources, notResources } = located.statement;
    const scoped = actions.values.filter((action) => !needsStar(action));
    const wide = resources.values.includes("*")
      ? 'Resource "*"'
      : notResources.values.length > 0 || notResources.unknown
        ? "NotResource"
        : undefined;
    if (wide !== undefined && scoped.length > 0) {
      reportGrant(
        check,
        located,
        `uses ${wide} for ${scoped.map((a) => `"${a}"`).join(", ")}, which support resource-level permissions: name the resources' ARNs`,
      );
    } else if (wide !== undefined && actions.unknown && mayGrant(located)) {
      check.undecided(`${located.where}: its Action is unknown during preview, with ${wide}: it may need ARNs`);
    }
  }
}

export const iamWildcardResources: CompliancePolicy = resourcePolicy({
  name: "iam-wildcard-resources",
  description: 'IAM Allow statements may use Resource "*" only for actions that support no resource-level permissions.',
  severity: "medium",
  enforcementLevel: "mandatory",
  resourceTypes: PERMISSION_DOCUMENT_TYPES,
  config: {
    allowedActions: stringList(
      'Actions (IAM patterns) accepted with Resource "*" beyond the built-in list of actions without resource-level permissions.',
    ),
  },
  docs: {
    what: "An Allow statement with `Resource` `*` or with `NotResource` may contain only actions without resource-level permissions (a built-in list: `ecr:GetAuthorizationToken`, `ecs:RegisterTaskDefinition`, `ecs:DescribeTaskDefinition`, `logs:DescribeLogGroups`, `sts:GetCallerIdentity`, `cloudwatch:PutMetricData`, `xray:PutTraceSegments`, ...) or actions in the config `allowedActions`.",
    why: "For actions that support resource ARNs, `*` reaches every resource of that kind in the account, not just the pipeline's.",
    fix: "Use the ARNs of the stack's resources (outputs such as `bucket.arn`), and keep `*` in a separate statement for the actions that need it.",
    url: "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
    compliance: { nist: ["AC-6"], pci: ["7.2.1"] },
  },
  validate,
});
