import { nameMatches } from "../lib/names";
import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { anyPasses, reportVerdict, undecidedWhenUnknown, Verdict, verdictOn } from "../lib/state";
import { knownListenerProtocol } from "./listener-protocol";
import { LISTENERS } from "./types";

/** Whether the action redirects to HTTPS. */
function redirectsToHttps(action: unknown): Verdict {
  const type = read.string(action, "type");
  if (type !== "redirect") {
    // Any other action serves the request over HTTP; an unknown type may still be a redirect.
    return verdictOn(type, () => false);
  }
  // Absent, the redirect keeps the request's protocol ("#{protocol}"), so it stays on HTTP.
  return verdictOn(read.string(action, "redirect.protocol"), (protocol) => protocol === "HTTPS");
}

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  const protocol = knownListenerProtocol(check);
  if (protocol === undefined || protocol !== "HTTP") {
    return;
  }
  const allowed = knownOr(read.array(check.config, "allowedListeners"), []);
  if (nameMatches(allowed, [check.resource.name])) {
    return;
  }
  const actions = read.array(props, "defaultActions");
  if (undecidedWhenUnknown(check, actions, "defaultActions")) {
    return;
  }
  reportVerdict(check, anyPasses(knownOr(actions, []).map(redirectsToHttps)), {
    unknown: "a default action's type or redirect protocol is unknown during preview",
    fail:
      'the HTTP listener does not redirect to HTTPS: set its default action to { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } } ' +
      "and serve from an HTTPS listener, or list the listener in the policy config allowedListeners",
  });
}

export const lbHttpRedirectToHttps: CompliancePolicy = resourcePolicy({
  name: "lb-http-redirect-to-https",
  description: "HTTP listeners of load balancers must redirect to HTTPS.",
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: LISTENERS,
  config: {
    allowedListeners: stringList("Listeners (logical name; `*` wildcards) allowed to serve plain HTTP."),
  },
  docs: {
    what: 'A listener with `protocol: "HTTP"` (or no protocol: HTTP is the application load balancer default) must have a default action `{ type: "redirect", redirect: { protocol: "HTTPS" } }`, unless listed in the config `allowedListeners`.',
    why: "A forwarding HTTP listener carries the application's pages, cookies and tokens in clear text, open to interception and tampering.",
    fix: "Serve from an HTTPS listener with an ACM certificate and make the HTTP listener redirect to HTTPS with status `HTTP_301`.",
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions",
    compliance: { nist: ["SC-8", "SC-23"], pci: ["4.2.1"] },
  },
  validate,
});
