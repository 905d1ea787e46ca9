/**
 * Recognises values that are credentials by their variable name or by their shape, shared by the
 * policies that look for secrets in plain-text settings (CodeBuild and ECS environment variables).
 */

const CREDENTIAL_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

// Long-term (AKIA) and temporary (ASIA) access key ids: 4-letter prefix, 16 upper-case base-32 characters.
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z2-7]{16}\b/;

// `DB_SECRET_ARN=arn:aws:secretsmanager:...` names where a secret is kept, which is the recommended pattern.
const ARN = /^arn:aws[a-z-]*:/;

/** Why a name/value pair looks like a credential, or undefined when it does not. */
export function credentialHint(name: unknown, value: unknown): string | undefined {
    if (typeof name === "string" && CREDENTIAL_NAME.test(name) && !(typeof value === "string" && ARN.test(value))) {
        return "its name says it holds a credential";
    }
    if (typeof value === "string" && ACCESS_KEY_ID.test(value)) {
        return "its value is an AWS access key id";
    }
    return undefined;
}

/**
 * Resource types whose outputs are credentials: an input that is unknown during preview and came
 * from one of them carries a credential.
 */
export const CREDENTIAL_SOURCES: ReadonlySet<string> = new Set([
    "aws:iam/accessKey:AccessKey",
    "aws:iam/userLoginProfile:UserLoginProfile",
    "aws:secretsmanager/secretVersion:SecretVersion",
    "random:index/randomPassword:RandomPassword",
    "tls:index/privateKey:PrivateKey",
]);
