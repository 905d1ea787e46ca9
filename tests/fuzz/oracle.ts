/**
 * Inputs with a known answer for the five core policies. Each input starts from a base that passes
 * the policy, gets at most the mutations recorded with it (each says whether it makes the policy
 * fire, or leaves it undecided because a value it needs is unknown during preview, or changes
 * nothing), and then neutral noise: values the policy does not read, or reads without the verdict
 * depending on them. The generator therefore knows the verdict of everything it builds.
 */
export { artifactStoreRegionCases, noGitHubV1SourceCases } from "./oracle-codepipeline";
export { deployTargetInStackCases } from "./oracle-ecs";
export { codeCommitRuleMatchesSourceCases } from "./oracle-eventbridge";
export type { OracleCase, OracleInput, Verdict } from "./oracle-parts";
export { noDeprecatedInlineConfigCases } from "./oracle-s3";
