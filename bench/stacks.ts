// Generated stacks for the analysis benchmark: copies of the reference program's recording (so every
// resource type of the pipeline appears, with its companions, in realistic proportions) written as
// `pulumi stack export` documents, which the checker analyzes over gRPC without running a program.
import type { PropertyMap, RecordedResource, Recording } from "../checker/types";

const ROOT_TYPE = "pulumi:pulumi:Stack";
const PROVIDER_PREFIX = "pulumi:providers:";

/** The URN of the k-th copy of a resource: its name gets a "-k" suffix (copy 0 is the original). */
function copyUrn(urn: string, copy: number): string {
  return copy === 0 ? urn : `${urn}-${copy}`;
}

/** `value` with every string that `urns` maps replaced by its image, however deep. */
export function rename(value: unknown, urns: Map<string, string>): unknown {
  if (typeof value === "string") {
    return urns.get(value) ?? value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => rename(v, urns));
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v, urns)]));
  }
  return value;
}

/**
 * `count` resources: the root stack and default providers once, then the program's resources copied
 * as often as needed (the last copy cut short). References between resources stay inside a copy.
 */
export function scaleRecording(template: Recording, count: number): Recording {
  const shared = template.resources.filter((r) => r.type === ROOT_TYPE || r.type.startsWith(PROVIDER_PREFIX));
  const copied = template.resources.filter((r) => !shared.includes(r));
  const resources: RecordedResource[] = [...shared];
  for (let copy = 0; resources.length < count; copy++) {
    const urns = new Map(copied.map((r) => [r.urn, copyUrn(r.urn, copy)]));
    for (const r of copied) {
      if (resources.length >= count) {
        break;
      }
      resources.push({
        ...r,
        urn: copyUrn(r.urn, copy),
        name: copy === 0 ? r.name : `${r.name}-${copy}`,
        parent: urns.get(r.parent) ?? r.parent,
        inputs: rename(r.inputs, urns) as PropertyMap,
        outputs: rename(r.outputs, urns) as PropertyMap,
        dependencies: r.dependencies.map((d) => urns.get(d) ?? d),
        propertyDependencies: rename(r.propertyDependencies, urns) as Record<string, string[]>,
      });
    }
  }
  return { ...template, resources };
}

/** The stack export document `--state` reads (inputs for Analyze, outputs for AnalyzeStack). */
export function toStackExport(recording: Recording): unknown {
  return {
    version: 3,
    deployment: {
      manifest: { time: "2026-01-01T00:00:00Z", magic: "", version: "v3" },
      resources: recording.resources.map((r) => ({
        urn: r.urn,
        custom: r.custom,
        type: r.type,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.provider ? { provider: `${r.provider}::00000000-0000-0000-0000-000000000000` } : {}),
        inputs: r.inputs,
        outputs: r.outputs,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        protect: r.options.protect,
        ...(r.options.ignoreChanges.length > 0 ? { ignoreChanges: r.options.ignoreChanges } : {}),
      })),
    },
  };
}
