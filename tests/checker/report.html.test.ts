// --format html without a browser: what the single-stack page and the audit page say, that they fetch
// nothing, and that every value from a program or an export is escaped. Chromium renders the same
// pages in report.html.browser.test.ts.
import { auditHtml } from "../../checker/audit/html";
import { auditReport, type AuditHead, type AuditStack } from "../../checker/audit/report";
import { FORMATS, type RenderContext } from "../../checker/report/formats";
import { jsonReport } from "../../checker/report/json";
import { escapeHtml } from "../../checker/report/html/markup";
import { charts, serviceOf } from "../../checker/report/html/summary";
import type { CheckReport, EnforcementLevel, PolicyRule } from "../../checker/types";
import { compact, visibleText } from "./htmlText";
import { finding, sampleContext, sampleReport } from "./sampleReport";

const HOSTILE = "<script>window.pwned=1</script>";
const policies: PolicyRule[] = [
  {
    name: "no-inline-versioning",
    description: "d",
    severity: "high",
    tags: [],
    remediationSteps: "1. Declare a BucketVersioning resource.\n2. Remove the inline block.",
    url: "https://example.com/niv",
  },
];
const ctx: RenderContext = { ...sampleContext, pack: { ...sampleContext.pack, policies } };
const clean: CheckReport = { resources: 2, violations: [], waived: [], undecided: [], remediated: [], unansweredFunctions: [] };
const render = (report: CheckReport): string => FORMATS.html.render(report, ctx);

describe("--format html of one stack", () => {
  const page = render({
    ...sampleReport,
    waived: [
      ...sampleReport.waived,
      finding({
        policy: "topic-kms",
        message: "[waived] no key (waived until 2031-01-31 by tag compliance:waive:topic-kms: dev only; ok)",
      }),
    ],
    remediated: [{ ...sampleReport.remediated[0], changes: [{ path: "tags.owner", before: undefined, after: "team" }] }],
  });
  const text = visibleText(page);

  it("summarises the counts and the exit verdict", () => {
    expect(text).toContain("Fails: 1 mandatory violation(s) (exit 1)");
    expect(text).toContain("resources 4 mandatory 1 advisory 1 waived 2 undecided 1 remediated 1");
    expect(visibleText(render(clean))).toContain("Passes: no mandatory violation (exit 0)");
    expect(visibleText(render(clean))).toContain("No findings: every policy passed on every resource.");
  });

  it("charts findings by severity, worst first, and by service, most first", () => {
    expect(text).toContain("Findings by severity severity findings high 2 medium 1 low 1 none 1");
    expect(text).toContain("Findings by service service findings s3 3 sns 2");
    expect(visibleText(render(clean))).toContain("No findings to chart.");
  });

  it("shows each finding with its level, message, file:line, remediation steps and help link, in both groupings", () => {
    expect(text).toContain(
      "mandatory no-inline-versioning inline versioning is deprecated stack/bucket.ts:7 How to fix 1. Declare a BucketVersioning resource. 2. Remove the inline block. Help: https://example.com/niv",
    );
    expect(page).toContain('<a href="https://example.com/niv">');
    expect(text).toContain("Findings by resource artifacts (aws:s3/bucket:Bucket) mandatory no-inline-versioning");
    expect(text).toContain("Findings by policy bucket-has-tags advisory artifacts (aws:s3/bucket:Bucket) missing tag owner");
    // CSS alone switches the grouping: the radio inputs precede both sections.
    expect(compact(page)).toMatch(
      /<input type="radio" name="group" id="group-resource" checked \/><label.*class="by-resource".*class="by-policy"/,
    );
  });

  it("gives waived findings their reason and expiry, undecided ones what was unknown, remediations before and after", () => {
    expect(text).toContain("waived topic-kms no key Reason: dev only; ok Expires: 2031-01-31 (tag compliance:waive:topic-kms)");
    expect(text).toContain("waived topic-kms dev only");
    expect(text).toContain("undecided topic-name Unknown at preview: name unknown");
    expect(text).toContain('remediated force-destroy-off property before after tags.owner (none) "team"');
    expect(text).toContain("Unknown at preview The provider model could not answer these functions");
    expect(text).toContain("aws:ec2/getVpc:getVpc 2");
  });

  it("folds what the pack gives under How to fix: steps alone, a link alone, or nothing", () => {
    const rule = (name: string, remediationSteps: string, url: string): PolicyRule => ({ ...policies[0], name, remediationSteps, url });
    const pack = {
      ...ctx.pack,
      policies: [rule("steps", "Do this.", ""), rule("link", "", "https://example.com/link"), rule("none", "", "")],
    };
    const report: CheckReport = {
      ...clean,
      violations: ["steps", "link", "none"].map((policy) => finding({ policy, message: `${policy} says` })),
      undecided: [
        finding({
          policy: "unknown",
          resourceType: "aws:ecs/service:Service",
          resourceName: "web",
          urn: "urn:web",
          message: "[undecided] x",
        }),
      ],
    };
    const text = visibleText(FORMATS.html.render(report, { ...ctx, pack }));
    expect(text).toContain("mandatory steps steps says stack/bucket.ts:7 How to fix Do this. ");
    expect(text).toContain("mandatory link link says stack/bucket.ts:7 How to fix Help: https://example.com/link ");
    expect(text).toContain(
      "mandatory none none says stack/bucket.ts:7 web (aws:ecs/service:Service) undecided unknown Unknown at preview: x Findings by policy",
    );
  });

  it("is one document that fetches nothing and needs no script", () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).not.toMatch(/<link|<script|<img|<iframe|\bsrc=|url\(|@import/i);
    expect(page.match(/https?:\/\/[^"<\s]*/g)).toEqual([
      "https://example.com/niv",
      "https://example.com/niv",
      "https://example.com/niv",
      "https://example.com/niv",
    ]);
  });
});

describe("escaping", () => {
  it("turns the five characters that open markup or end an attribute into entities", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("shows a hostile resource name, message, location and stack name as text", () => {
    const hostile = finding({ resourceName: HOSTILE, message: HOSTILE, policy: HOSTILE, urn: `urn:${HOSTILE}` });
    const report: CheckReport = { ...clean, violations: [hostile], undecided: [{ ...hostile, message: `[undecided] ${HOSTILE}` }] };
    const page = FORMATS.html.render(report, { ...ctx, entry: `/repo/${HOSTILE}.ts` });
    expect(page).not.toContain("<script");
    expect(visibleText(page)).toContain(`mandatory ${HOSTILE} ${HOSTILE}`);
    const head: AuditHead = {
      tool: { name: "t", version: HOSTILE },
      pack: { name: HOSTILE, version: "1" },
      policyConfig: {},
      policies: [],
    };
    const stack: AuditStack = { source: HOSTILE, project: HOSTILE, stack: HOSTILE, report: jsonReport(report, head) };
    const audit = auditHtml(auditReport(head, [stack], [{ source: HOSTILE, reason: HOSTILE }]));
    // The kit's sorting script is the page's only script.
    expect(audit.match(/<script/g)).toHaveLength(1);
    expect(compact(audit)).toContain("<script>document.querySelectorAll(");
    expect(visibleText(audit)).toContain(`${HOSTILE}/${HOSTILE} 2 1 0 0 1 0 ${HOSTILE}`);
  });
});

describe("the charts", () => {
  it("put services with as many findings in name order", () => {
    const tied = charts([
      finding({ resourceType: "aws:sns/topic:Topic" }),
      finding({}),
      finding({ resourceType: "aws:ecs/service:Service" }),
    ]);
    expect(visibleText(tied.text)).toContain("service findings ecs 1 s3 1 sns 1");
  });
});

describe("the service of a type token", () => {
  it.each([
    ["aws:s3/bucketV2:BucketV2", "s3"],
    ["aws:ecs/service:Service", "ecs"],
    ["pulumi:pulumi:Stack", "pulumi"],
    ["awsx:ecs:FargateService", "ecs"],
    ["token", "token"],
  ])("%s is %s", (type, service) => {
    expect(serviceOf(type)).toBe(service);
  });
});

describe("--format html of an audit", () => {
  const tool = { name: "pipeline-check", version: "9.9.9" };
  const head: AuditHead = {
    tool,
    pack: { name: "p", version: "1.0.0" },
    policyConfig: { "no-inline-versioning": { enforcementLevel: "mandatory", properties: {} } },
    policies,
  };
  const entry = (project: string, stack: string, report: CheckReport): AuditStack => ({
    source: `exports/${project}-${stack}.json`,
    project,
    stack,
    report: jsonReport(report, { tool, pack: head.pack }),
  });
  const mixed: CheckReport = {
    ...clean,
    violations: [finding({ policy: "bucket-has-tags", enforcementLevel: "advisory" })],
    waived: [finding({ policy: "bucket-has-tags", message: "[waived] x" }), finding({ policy: "bucket-has-tags", message: "[waived] y" })],
  };
  const report = auditReport(
    head,
    [entry("a", "prod", sampleReport), entry("a", "dev", mixed), entry("b", "dev", clean)],
    [{ source: "exports/bad.json", reason: "not valid JSON" }],
  );
  const page = auditHtml(report);
  const text = visibleText(page);

  it("gives the verdict, the totals and a row per stack with the totals row", () => {
    expect(text).toContain("Fails: 1 of 3 stack(s) with a mandatory violation (exit 1)");
    expect(text).toContain(
      "exports 4 stacks 3 unreadable 1 failing 1 resources 8 mandatory 1 advisory 2 waived 3 undecided 1 remediated 1",
    );
    expect(text).toContain(
      "a/prod 4 1 1 1 1 1 exports/a-prod.json a/dev 2 0 1 2 0 0 exports/a-dev.json b/dev 2 0 0 0 0 0 exports/b-dev.json total 8 1 2 3 1 1",
    );
    expect(text).toContain("Unreadable exports exports/bad.json: not valid JSON");
  });

  it("maps stacks x policies: the count of findings, the worst level as colour and letter, totals per stack and policy", () => {
    expect(text).toContain("stack bucket-has-tags no-inline-versioning topic-kms topic-name total");
    // a/dev: one advisory and two waived bucket-has-tags findings, so three, worst advisory.
    expect(compact(page)).toContain(
      '<tr><th scope="row">a/dev</th><td data-n="3" class="cell-advisory">3<abbr title="advisory">A</abbr></td><td data-n="0"></td>',
    );
    expect(compact(page)).toContain('<td data-n="1" class="cell-mandatory">1<abbr title="mandatory">M</abbr></td>');
    expect(text).toContain("total 4 1 1 1 7");
  });

  it("shows the impact: each policy that would stop stacks, at its audited level", () => {
    expect(text).toContain("Impact");
    expect(text).toContain("policy pack level audited level stacks stopped stacks no-inline-versioning unknown mandatory 1 a/prod");
    // A report of an earlier version carries no pack levels: the view says what it cannot tell.
    expect(text).toContain("This report does not carry the pack's own levels (an earlier pipeline-check wrote it)");
    expect(visibleText(auditHtml(auditReport({ ...head, policyConfig: {} }, [entry("a", "prod", sampleReport)], [])))).toContain(
      "no-inline-versioning unknown 1 a/prod",
    );
    expect(visibleText(auditHtml(auditReport(head, [entry("b", "dev", clean)], [])))).toContain(
      "Passes: 0 of 1 stack(s) with a mandatory violation (exit 0)",
    );
  });

  describe("with the pack's own levels", () => {
    const declared = (levels: Record<string, EnforcementLevel>): AuditHead => ({
      ...head,
      policyConfig: Object.fromEntries(Object.entries(levels).map(([name, level]) => [name, { enforcementLevel: level, properties: {} }])),
      policies: [
        { ...policies[0], enforcementLevel: "mandatory" },
        { ...policies[0], name: "bucket-has-tags", enforcementLevel: "advisory" },
      ],
    });
    const tagged = entry("a", "dev", { ...clean, violations: [finding({ policy: "bucket-has-tags", enforcementLevel: "mandatory" })] });

    it("marks in words a level the config raised and names the stacks that would start failing", () => {
      const raised = auditHtml(
        auditReport(
          declared({ "no-inline-versioning": "mandatory", "bucket-has-tags": "mandatory" }),
          [entry("a", "prod", sampleReport), tagged],
          [],
        ),
      );
      expect(visibleText(raised)).toContain(
        "bucket-has-tags advisory mandatory raised 1 a/dev no-inline-versioning mandatory mandatory 1 a/prod 1 stack(s) would start failing at these levels, passing at the pack's own: a/dev.",
      );
      expect(compact(raised)).toContain("<td>mandatory<strong>raised</strong></td>");
      // The policies that stop stacks come first, whatever their names.
      const both = declared({ "no-inline-versioning": "mandatory", "bucket-has-tags": "mandatory" });
      expect(visibleText(auditHtml(auditReport(both, [entry("a", "prod", sampleReport)], [])))).toContain(
        "no-inline-versioning mandatory mandatory 1 a/prod bucket-has-tags advisory mandatory raised 0",
      );
    });

    it("says the levels are the pack's own when the config changed none", () => {
      const own = visibleText(
        auditHtml(
          auditReport(
            declared({ "no-inline-versioning": "mandatory", "bucket-has-tags": "advisory" }),
            [entry("a", "prod", sampleReport)],
            [],
          ),
        ),
      );
      expect(own).toContain(
        "no-inline-versioning mandatory mandatory 1 a/prod The policy config changed no level: these are the pack's own.",
      );
      expect(own).not.toContain("raised 1");
    });

    it("marks a lowered level, and says when what a policy stops at the pack's level is unknown", () => {
      const lowered = visibleText(
        auditHtml(auditReport(declared({ "no-inline-versioning": "disabled", "bucket-has-tags": "mandatory" }), [tagged], [])),
      );
      expect(lowered).toContain("no-inline-versioning mandatory disabled lowered 0 unknown: it reported nothing at this level");
      expect(lowered).toContain(
        "1 stack(s) would start failing at these levels, passing at the pack's own: a/dev. A policy whose stacks are unknown reported nothing at its audited level",
      );
      const none = visibleText(
        auditHtml(
          auditReport(declared({ "no-inline-versioning": "advisory", "bucket-has-tags": "advisory" }), [entry("b", "dev", clean)], []),
        ),
      );
      expect(none).toContain(
        "no-inline-versioning mandatory advisory lowered 0 0 stack(s) would start failing at these levels, passing at the pack's own.",
      );
    });
  });

  it("says when nothing reported and when no export could be read", () => {
    const empty = visibleText(auditHtml(auditReport(head, [], [{ source: "x.json", reason: "no such file" }])));
    expect(empty).toContain("Fails: no export could be read (exit 2)");
    expect(empty).toContain("No policy reported in any stack.");
    expect(empty).toContain("With the levels audited, no policy stops any stack.");
  });
});
