import type { CompliancePolicy } from "../lib/policy";
import { lbAccessLogs } from "./access-logs";
import { lbDeletionProtection } from "./deletion-protection";
import { lbDropInvalidHeaders } from "./drop-invalid-headers";
import { lbHttpRedirectToHttps } from "./http-redirect-to-https";
import { lbInternetFacing } from "./internet-facing";
import { lbTlsSecurityPolicy } from "./tls-security-policy";

export const lbPolicies: readonly CompliancePolicy[] = [
  lbHttpRedirectToHttps,
  lbTlsSecurityPolicy,
  lbDropInvalidHeaders,
  lbDeletionProtection,
  lbInternetFacing,
  lbAccessLogs,
];
