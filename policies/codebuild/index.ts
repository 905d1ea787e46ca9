import type { CompliancePolicy } from "../lib/policy";
import { codebuildEncryptionKey } from "./encryption-key";
import { codebuildLoggingEnabled } from "./logging-enabled";
import { codebuildNoPlaintextCredentials } from "./no-plaintext-credentials";
import { codebuildNoSourceCredentials } from "./no-source-credentials";
import { codebuildPrivilegedMode } from "./privileged-mode";

export const codebuildPolicies: readonly CompliancePolicy[] = [
  codebuildEncryptionKey,
  codebuildLoggingEnabled,
  codebuildPrivilegedMode,
  codebuildNoPlaintextCredentials,
  codebuildNoSourceCredentials,
];
