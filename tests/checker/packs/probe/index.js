// A pack that reports, as advisory findings whose messages are JSON, what each request carried: the
// properties and provider of every resource (Analyze), every resource of the stack (AnalyzeStack), and
// what a policy can read about its stack (tags from ConfigureStack, project, stack and config from the
// environment the engine gives the pack). One remediate-level policy also validates, so a resource
// whose remediation is only reported (a stack export) still fails it.
"use strict";
const pulumi = require("@pulumi/pulumi");
const { PolicyPack } = require("@pulumi/policy");

const plain = (props) => JSON.parse(JSON.stringify(props === undefined ? null : props));

new PolicyPack("checker-probe-pack", {
  policies: [
    {
      name: "force-destroy-off",
      description: "Buckets must not set forceDestroy.",
      enforcementLevel: "remediate",
      remediateResource: (args) => (args.props.forceDestroy === true ? { ...args.props, forceDestroy: false } : undefined),
      validateResource: (args, report) => {
        if (args.props.forceDestroy === true) {
          report("forceDestroy is still true");
        }
      },
    },
    {
      name: "sees-resource",
      description: "Reports what Analyze was sent.",
      enforcementLevel: "advisory",
      validateResource: (args, report) => {
        const provider = args.provider ? { urn: args.provider.urn, name: args.provider.name, props: plain(args.provider.props) } : null;
        report(JSON.stringify({ type: args.type, name: args.name, props: plain(args.props), provider }));
      },
    },
    {
      name: "sees-stack",
      description: "Reports what AnalyzeStack was sent and what a policy knows about its stack.",
      enforcementLevel: "advisory",
      validateStack: (args, report) => {
        const aws = new pulumi.Config("aws");
        report(
          JSON.stringify({
            resources: args.resources.map((r) => ({ type: r.type, name: r.name, props: plain(r.props) })),
            tags: Object.fromEntries(args.stackTags),
            project: pulumi.getProject(),
            stack: pulumi.getStack(),
            region: aws.get("region") ?? null,
          }),
        );
      },
    },
  ],
});
