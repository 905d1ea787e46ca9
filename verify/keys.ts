import type { StackOutputs } from "./outputs";

/**
 * AWS reports a KMS key as a key ARN, a bare key id, an alias name or an alias ARN depending on the
 * service; any of them naming the stack's key counts as a match.
 */
export function isStackKey(reported: string | undefined, outputs: Pick<StackOutputs, "kmsKeyArn" | "kmsKeyAlias">): boolean {
  if (!reported) return false;
  const keyId = outputs.kmsKeyArn.slice(outputs.kmsKeyArn.lastIndexOf("/") + 1);
  return (
    reported === outputs.kmsKeyArn || reported === keyId || reported === outputs.kmsKeyAlias || reported.endsWith(`:${outputs.kmsKeyAlias}`)
  );
}

export function describeKey(reported: string | undefined): string {
  return reported ? `'${reported}'` : "no key (AWS managed)";
}
