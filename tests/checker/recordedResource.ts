// Recorded resources for the tests that feed the analysis without running a program.
import type { RecordedResource } from "../../checker/types";

/**
 * A resource as the recorder writes one that declared nothing: a custom resource with no parent,
 * provider, properties or dependencies and the default options. Its type and name are read from the
 * URN (`urn:pulumi:<stack>::<project>::<type>::<name>`); `fields` replace any part of it.
 */
export function recordedResource(urn: string, fields: Partial<RecordedResource> = {}): RecordedResource {
  const [, , type = "", name = ""] = urn.slice("urn:pulumi:".length).split("::");
  return {
    urn,
    type,
    name,
    custom: true,
    parent: "",
    provider: "",
    inputs: {},
    outputs: {},
    dependencies: [],
    propertyDependencies: {},
    options: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    ...fields,
  };
}
