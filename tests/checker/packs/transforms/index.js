// Reports what the engine would hand a policy for every `test:index:Thing`, so the transform tests can
// compare it with what the program's transforms should have produced: `echo` (advisory) the inputs
// and options Analyze sees (components too), `mark-secrets` (remediate) which inputs arrive as secrets, and
// `must-be-encrypted` (mandatory) a verdict that depends on the transforms' order.
"use strict";
const { PolicyPack, Secret } = require("@pulumi/policy");

const THING = "test:index:Thing";
const GROUP = "test:index:Group";

/** A value, or "<unknown>" when reading it during preview would stop the policy. */
function readable(props, key) {
  try {
    return JSON.parse(JSON.stringify(props[key]));
  } catch {
    return "<unknown>";
  }
}

new PolicyPack("checker-transforms-pack", {
  policies: [
    {
      name: "echo",
      description: "Reports the inputs, options and provider of each Thing and Group.",
      enforcementLevel: "advisory",
      validateResource: (args, report) => {
        if (args.type !== THING && args.type !== GROUP) return;
        const props = {};
        for (const key of Object.keys(args.props).sort()) {
          props[key] = readable(args.props, key);
        }
        const { protect, ignoreChanges, deleteBeforeReplace, aliases, customTimeouts, additionalSecretOutputs } = args.opts;
        report(
          JSON.stringify({
            props,
            opts: { protect, ignoreChanges, deleteBeforeReplace, aliases, customTimeouts, additionalSecretOutputs },
            provider: args.provider ? args.provider.urn : undefined,
          }),
        );
      },
    },
    {
      name: "mark-secrets",
      description: "Adds the names of the inputs that arrive as secrets.",
      enforcementLevel: "remediate",
      remediateResource: (args) => {
        if (args.type !== THING) return undefined;
        // The secret-preserving proxy unwraps on read; the property itself still holds the Secret.
        const secret = Object.keys(args.props).filter((k) => Object.getOwnPropertyDescriptor(args.props, k).value instanceof Secret);
        if (secret.length === 0) return undefined;
        args.props.secretInputs = secret.sort();
        return args.props;
      },
    },
    {
      name: "must-be-encrypted",
      description: "A Thing must end up with encrypted: true.",
      enforcementLevel: "mandatory",
      validateResource: (args, report) => {
        if (args.type === THING && "encrypted" in args.props && args.props.encrypted !== true) {
          report("encrypted is not true");
        }
      },
    },
  ],
});
