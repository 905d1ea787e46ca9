/**
 * The functions that tell a program where it deploys: `getCallerIdentity`, `getRegion`, `getPartition`,
 * `getAvailabilityZones`. A real provider asks AWS; the model answers from the provider's configuration
 * (`region`, `allowedAccountIds`), and where that says nothing:
 * - the account is the placeholder `123456789012` (a single `allowedAccountIds` entry replaces it; with
 *   several the account is unknown);
 * - the zone names are the placeholders `<region>a`, `<region>b`, `<region>c`;
 * - the region is unknown (a real provider would read the environment);
 * - what depends on the credentials or the account's zone mapping (the caller's ARN and user id, zone
 *   ids, zone group names, the region's description) is unknown.
 */
import { UNKNOWN, type Unknown } from "../sentinels";
import type { FunctionResult, PropertyMap } from "../types";

/** Stands in for the account when the configuration names none; docs/checker.md documents it. */
export const PLACEHOLDER_ACCOUNT_ID = "123456789012";

interface Partition {
  readonly partition: string;
  readonly dnsSuffix: string;
  readonly reverseDnsPrefix: string;
}

const COMMERCIAL: Partition = { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };

// Most specific prefix first; a region matching none of them, or only the commercial shape loosely,
// is of a partition the model does not know.
const PARTITIONS: readonly (readonly [RegExp, Partition])[] = [
  [/^cn-[a-z]+-\d+$/, { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" }],
  [/^us-gov-[a-z]+-\d+$/, { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" }],
  [/^us-iso-[a-z]+-\d+$/, { partition: "aws-iso", dnsSuffix: "c2s.ic.gov", reverseDnsPrefix: "gov.ic.c2s" }],
  [/^us-isob-[a-z]+-\d+$/, { partition: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", reverseDnsPrefix: "gov.sgov.sc2s" }],
  [/^[a-z]{2}-iso[a-z]*-/, { partition: UNKNOWN, dnsSuffix: UNKNOWN, reverseDnsPrefix: UNKNOWN }],
  [/^[a-z]{2}-[a-z]+-\d+$/, COMMERCIAL],
];

const UNKNOWN_PARTITION: Partition = { partition: UNKNOWN, dnsSuffix: UNKNOWN, reverseDnsPrefix: UNKNOWN };

function partitionOf(region: string | Unknown): Partition {
  if (region === UNKNOWN) {
    return UNKNOWN_PARTITION;
  }
  return PARTITIONS.find(([pattern]) => pattern.test(region))?.[1] ?? UNKNOWN_PARTITION;
}

/** Joins parts into one string, or UNKNOWN when any part is. */
function joined(...parts: string[]): string {
  return parts.includes(UNKNOWN) ? UNKNOWN : parts.join("");
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The provider's region: its `region` input, or unknown when it has none (or an unknown one). */
function providerRegion(provider: PropertyMap): string | Unknown {
  return text(provider.region) ?? UNKNOWN;
}

/** `allowedAccountIds` as a list: explicit providers hold a list, stack config a JSON string of one. */
function allowedAccountIds(provider: PropertyMap): readonly string[] | Unknown {
  let value = provider.allowedAccountIds;
  if (value === UNKNOWN) {
    return UNKNOWN;
  }
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return UNKNOWN;
    }
  }
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) && value.every((id): id is string => typeof id === "string") ? value : UNKNOWN;
}

export function getCallerIdentity(_args: PropertyMap, provider: PropertyMap): FunctionResult {
  const allowed = allowedAccountIds(provider);
  const accountId = allowed === UNKNOWN || allowed.length > 1 ? UNKNOWN : (allowed[0] ?? PLACEHOLDER_ACCOUNT_ID);
  return { outputs: { accountId, id: accountId, arn: UNKNOWN, userId: UNKNOWN } };
}

export function getRegion(args: PropertyMap, provider: PropertyMap): FunctionResult {
  const asked = text(args.region) ?? text(args.name);
  // Looking a region up by its endpoint would need the endpoint list the provider has.
  const region = asked ?? (text(args.endpoint) ? UNKNOWN : providerRegion(provider));
  const { dnsSuffix } = partitionOf(region);
  return { outputs: { id: region, name: region, region, endpoint: joined("ec2.", region, ".", dnsSuffix), description: UNKNOWN } };
}

export function getPartition(_args: PropertyMap, provider: PropertyMap): FunctionResult {
  const partition = partitionOf(providerRegion(provider));
  return { outputs: { id: partition.partition, ...partition } };
}

function zoneNames(args: PropertyMap, region: string | Unknown): string[] | Unknown {
  const filtered =
    (Array.isArray(args.filters) && args.filters.length > 0) || (Array.isArray(args.excludeZoneIds) && args.excludeZoneIds.length > 0);
  const beyondDefault =
    args.allAvailabilityZones === true || (args.state !== undefined && args.state !== null && args.state !== "available");
  if (region === UNKNOWN || filtered || beyondDefault) {
    return UNKNOWN;
  }
  const excluded = Array.isArray(args.excludeNames) ? args.excludeNames : [];
  return ["a", "b", "c"].map((zone) => `${region}${zone}`).filter((name) => !excluded.includes(name));
}

export function getAvailabilityZones(args: PropertyMap, provider: PropertyMap): FunctionResult {
  const region = text(args.region) ?? providerRegion(provider);
  const echoed = Object.fromEntries(
    ["allAvailabilityZones", "excludeNames", "excludeZoneIds", "filters", "state"]
      .filter((name) => args[name] !== undefined && args[name] !== null)
      .map((name) => [name, args[name]]),
  );
  return { outputs: { ...echoed, id: region, region, names: zoneNames(args, region), zoneIds: UNKNOWN, groupNames: UNKNOWN } };
}
