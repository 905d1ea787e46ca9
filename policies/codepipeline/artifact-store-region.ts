import { CompliancePolicy, PolicyConfig, resourcePolicy, ResourceCheck, Subject } from "../lib/policy";
import { isSet, isUnknown, knownOr, read, Unknown, UNKNOWN } from "../lib/props";
import { CODEPIPELINE_PIPELINE } from "../lib/resource-types";

const PROVIDER_ERROR = `the AWS provider rejects it ("region cannot be set for a single-region CodePipeline Pipeline")`;

/** The pipeline's region: its own `region` input, else its provider's, else the `pipelineRegion` config. */
function pipelineRegion(resource: Subject, config: PolicyConfig): string | undefined | Unknown {
  const own = read.string(resource.props, "region");
  if (own !== undefined) {
    return own;
  }
  const fromProvider = read.string(resource.provider?.props, "region");
  if (typeof fromProvider === "string") {
    return fromProvider;
  }
  const configured = read.string(config, "pipelineRegion");
  return typeof configured === "string" && configured !== "" ? configured : fromProvider;
}

function checkCrossRegion(stores: readonly unknown[], check: ResourceCheck): void {
  const regions = stores.map((store) => read.string(store, "region"));
  const seen = new Map<string, number>();
  regions.forEach((region, index) => {
    if (region === undefined) {
      check.violation(`artifactStores[${index}] sets no region: in a cross-region pipeline every artifact store must name its region`);
    } else if (typeof region === "string") {
      const first = seen.get(region);
      if (first === undefined) {
        seen.set(region, index);
      } else {
        check.violation(`artifactStores[${first}] and artifactStores[${index}] both use region ${region}: regions must be distinct`);
      }
    }
  });
  const own = pipelineRegion(check.resource, check.config);
  if (typeof own === "string" && seen.has(own)) {
    return;
  }
  const unknownStores = regions.flatMap((region, index) => (isUnknown(region) ? [`artifactStores[${index}].region`] : []));
  if (own === undefined || isUnknown(own)) {
    check.undecided(
      "cannot tell whether an artifact store is in the pipeline's own region: the pipeline's region is unknown " +
        "(set `region` on the pipeline or its provider, or the policy config `pipelineRegion`)",
    );
  } else if (unknownStores.length > 0) {
    check.undecided(
      `cannot tell whether an artifact store is in the pipeline's region ${own}: ${unknownStores.join(", ")} unknown during preview`,
    );
  } else {
    check.violation(
      `no artifact store is in the pipeline's own region ${own} (stores: ${[...seen.keys()].join(", ")}): a cross-region pipeline needs one there`,
    );
  }
}

function validate(check: ResourceCheck): void {
  const stores = read.array(check.resource.props, "artifactStores");
  if (stores === UNKNOWN) {
    check.undecided("artifactStores is unknown during preview: cannot tell single-region from cross-region");
    return;
  }
  const list = knownOr(stores, []);
  if (list.length === 1 && isUnknown(list[0])) {
    check.undecided("artifactStores[0] is unknown during preview: cannot tell whether it sets region");
  } else if (list.length === 1 && isSet(list[0], "region")) {
    check.violation(`the only artifact store sets region: ${PROVIDER_ERROR}; remove region from artifactStores[0]`);
  } else if (list.length > 1) {
    checkCrossRegion(list, check);
  }
}

/** Removes `region` from a single artifact store; deleting in place keeps secrets and other fields as they are. */
function remediate(resource: Subject): object | undefined {
  const props = resource.props;
  const stores = read.array(props, "artifactStores");
  const store = Array.isArray(stores) && stores.length === 1 ? read.object(stores[0]) : undefined;
  if (typeof store !== "object" || !isSet(store, "region")) {
    return undefined;
  }
  delete (store as Record<string, unknown>).region;
  return props as object;
}

export const artifactStoreRegion: CompliancePolicy = resourcePolicy({
  name: "codepipeline-artifact-store-region",
  description:
    "A single artifact store must not set region; cross-region artifact stores must each set a distinct region, one of them the pipeline's.",
  severity: "critical",
  enforcementLevel: "mandatory",
  resourceTypes: [CODEPIPELINE_PIPELINE],
  config: {
    pipelineRegion: {
      type: "string",
      description: "The pipeline's region, used when neither the pipeline nor its provider sets one.",
      default: "",
    },
  },
  docs: {
    what: "A pipeline with one artifact store must not set `region` on it. A pipeline with several (cross-region) must set `region` on each, all distinct, one equal to the pipeline's region.",
    why: "The AWS provider rejects a region on a single store at deploy time, after the pull request merged; cross-region stores without regions, with duplicates, or without the pipeline's region fail when CodePipeline validates the pipeline.",
    fix: "Remove `region` from the single artifact store (enforcement level `remediate` does it automatically). For cross-region pipelines, give every store its own region and include the pipeline's region.",
    url: "https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html",
    compliance: { nist: ["CM-6"] },
  },
  validate,
  remediate,
});
