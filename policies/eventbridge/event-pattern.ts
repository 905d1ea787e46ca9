/**
 * EventBridge event patterns (`eventPattern` of `aws:cloudwatch/eventRule:EventRule`). A field's
 * literal values are what a policy can compare; content filters (`{ "prefix": ... }`) are not
 * evaluated and count as "matches something not literal".
 */
import { parseDocument } from "../lib/json";
import { Path, read, StringList, UNKNOWN } from "../lib/props";
import type { ValueState } from "../lib/state";

/** Parses the rule's `eventPattern` (a JSON string or an object). */
export function parseEventPattern(rule: unknown): ValueState<Readonly<Record<string, unknown>>> {
  return parseDocument(rule, "eventPattern");
}

/** Literal values a pattern field matches; `filters` tells whether content filters are present too. */
interface PatternValues extends StringList {
  readonly filters: boolean;
}

/** The literal values of the pattern field at `path`. */
export function patternValues(pattern: unknown, path: Path): PatternValues {
  const items = read.array(pattern, path);
  if (items === UNKNOWN) {
    return { values: [], unknown: true, filters: false };
  }
  const single = read.string(pattern, path);
  const list = items ?? (single === undefined ? [] : [single]);
  return {
    values: list.filter((item): item is string => typeof item === "string"),
    unknown: list.includes(UNKNOWN),
    filters: list.some((item) => typeof item === "object" && item !== null),
  };
}

/** The last `:`-separated part of an ARN: the resource name for CodeCommit repositories. */
export function arnResourceName(arn: string): string {
  return arn.slice(arn.lastIndexOf(":") + 1);
}
