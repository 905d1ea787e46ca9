import { CompliancePolicy, ResourceCheck, resourcePolicy, stringList } from "../lib/policy";
import { knownOr, read } from "../lib/props";
import { undecidedWhenUnknown } from "../lib/state";
import { knownListenerProtocol } from "./listener-protocol";
import { LISTENERS } from "./types";

const TLS_PROTOCOLS = ["HTTPS", "TLS"];

/** Current policies: TLS 1.2 or later with forward secrecy; FIPS variants for regulated workloads. */
export const CURRENT_POLICIES: readonly string[] = [
  "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
  "ELBSecurityPolicy-FS-1-2-Res-2020-10",
];

function validate(check: ResourceCheck): void {
  const props = check.resource.props;
  const protocol = knownListenerProtocol(check);
  if (protocol === undefined || !TLS_PROTOCOLS.includes(protocol)) {
    return;
  }
  const policy = read.string(props, "sslPolicy");
  if (undecidedWhenUnknown(check, policy, "sslPolicy")) {
    return;
  }
  const allowed = knownOr(read.array(check.config, "allowedPolicies"), []);
  if (policy !== undefined && allowed.includes(policy)) {
    return;
  }
  const named = policy === undefined ? "no sslPolicy (the API default ELBSecurityPolicy-2016-08 accepts TLS 1.0)" : `sslPolicy ${policy}`;
  check.violation(
    `the ${protocol} listener has ${named}, which is not in the policy config allowedPolicies: ` +
      'use a current TLS 1.2+ policy such as "ELBSecurityPolicy-TLS13-1-2-2021-06"',
  );
}

export const lbTlsSecurityPolicy: CompliancePolicy = resourcePolicy({
  name: "lb-tls-security-policy",
  description: "HTTPS and TLS listeners must use a current security policy (TLS 1.2 or later).",
  severity: "high",
  enforcementLevel: "mandatory",
  resourceTypes: LISTENERS,
  config: {
    allowedPolicies: stringList("Security policy names an HTTPS or TLS listener may use.", CURRENT_POLICIES),
  },
  docs: {
    what: "A listener with `protocol` `HTTPS` or `TLS` must set `sslPolicy` to a name in the config `allowedPolicies` (default: the `ELBSecurityPolicy-TLS13-*` policies and `ELBSecurityPolicy-FS-1-2-Res-2020-10`). An absent `sslPolicy` is the API default `ELBSecurityPolicy-2016-08`.",
    why: "Older policies accept TLS 1.0 and 1.1 and ciphers without forward secrecy, which current standards forbid for data in transit.",
    fix: 'Set `sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06"`, or `ELBSecurityPolicy-TLS13-1-2-Res-2021-06` for TLS 1.2 with AEAD ciphers only.',
    url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
    compliance: { nist: ["SC-8", "SC-13"], pci: ["4.2.1"] },
  },
  validate,
});
