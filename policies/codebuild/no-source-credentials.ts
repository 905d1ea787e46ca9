import { CompliancePolicy, ResourceCheck, resourcePolicy } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { undecidedWhenUnknown } from "../lib/state";
import { CODEBUILD_PROJECT } from "../lib/resource-types";

// scheme://userinfo@host: any password, or a user that is a known token format or a long opaque string.
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/([^/@?#]+)@/i;
const TOKEN_USER = /^(gh[pousr]_|github_pat_|glpat-|x-token-auth|x-access-token)|^[A-Za-z0-9_-]{32,}$/;
const TOKEN_QUERY = /[?&](access_token|private_token|token|password)=/i;

/** What in the URL is a credential, or undefined. */
function urlCredential(location: string): string | undefined {
  const userinfo = USERINFO.exec(location)?.[1];
  if (userinfo !== undefined && (userinfo.includes(":") || TOKEN_USER.test(userinfo))) {
    return "credentials before the host";
  }
  return TOKEN_QUERY.test(location) ? "a token in the query string" : undefined;
}

function checkLocation(check: ResourceCheck, where: string, location: unknown): void {
  if (undecidedWhenUnknown(check, location, where)) {
    return;
  }
  const found = typeof location === "string" ? urlCredential(location) : undefined;
  if (found !== undefined) {
    check.violation(
      `${where} carries ${found}: connect the provider with aws.codebuild.SourceCredential or a CodeConnections connection instead`,
    );
  }
}

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  checkLocation(check, "source.location", read.string(props, "source.location"));
  const secondary = read.array(props, "secondarySources");
  if (undecidedWhenUnknown(check, secondary, "secondarySources")) {
    return;
  }
  knownOr(secondary, []).forEach((source, index) =>
    checkLocation(check, `secondarySources[${index}].location`, read.string(source, "location")),
  );
}

export const codebuildNoSourceCredentials: CompliancePolicy = resourcePolicy({
  name: "codebuild-no-source-credentials",
  description: "CodeBuild source locations must not embed credentials or tokens.",
  severity: "critical",
  enforcementLevel: "mandatory",
  resourceTypes: [CODEBUILD_PROJECT],
  docs: {
    what: "`source.location` and `secondarySources[].location` must not contain `user:password@`, a token as user name, or a token query parameter (`access_token`, `private_token`, `token`, `password`).",
    why: "Source locations are stored as plain text in the project, visible to anyone who can read it, and appear in build logs; an embedded token is a long-lived credential with no audit trail.",
    fix: 'Use `aws.codebuild.SourceCredential` or a CodeConnections connection for the source provider, or let CodePipeline supply the source (`type: "CODEPIPELINE"`).',
    url: "https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html",
    compliance: { nist: ["IA-5"], pci: ["8.3.2"] },
  },
  validate,
});
