import type { StackConfig } from "./config";

export type Tags = Record<string, string>;

/**
 * The tags every taggable resource carries. They are set on each resource rather than as provider
 * defaultTags because policies and `pulumi preview` only see a resource's own `tags` input.
 */
export function standardTags(config: Pick<StackConfig, "project" | "environment">): Tags {
  return { project: config.project, environment: config.environment, "managed-by": "pulumi" };
}
