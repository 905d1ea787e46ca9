/**
 * Remediations that set one input. The value is written into the resource's own props, creating the
 * blocks on its path that are absent, so every other input (and its secrecy) stays as it was.
 */
import type { PolicyConfig, ResourcePolicyDefinition } from "./policy";
import { isUnknown, lookup, read } from "./props";

/** The props a remediation reads, and writes into. */
type MutableProps = Record<string, unknown>;

/**
 * A remediation that sets the input at `path` (`"imageScanningConfiguration.scanOnPush"`) to what
 * `fixed` returns. Nothing changes when `fixed` returns undefined (the resource needs no fix, or
 * cannot be fixed automatically) or when the input is unknown during preview: it may already be right,
 * and validation reports it as undecided.
 */
export function setInput(
  path: string,
  fixed: (props: MutableProps, config: PolicyConfig) => unknown,
): NonNullable<ResourcePolicyDefinition["remediate"]> {
  const dot = path.lastIndexOf(".");
  const parents = dot < 0 ? [] : path.slice(0, dot).split(".");
  const key = path.slice(dot + 1);
  return (resource, config) => {
    const props = resource.props as MutableProps;
    const value = isUnknown(lookup(props, path)) ? undefined : fixed(props, config);
    if (value === undefined) {
      return undefined;
    }
    let container = props;
    for (const parent of parents) {
      let block = read.object(container, parent);
      // A block that is not an object is replaced: AWS would reject it anyway.
      if (typeof block !== "object") {
        block = {};
        container[parent] = block;
      }
      container = block as MutableProps;
    }
    container[key] = value;
    return props;
  };
}
