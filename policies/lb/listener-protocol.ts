/**
 * The protocol of a listener, absent judged as `HTTP`: the default AWS applies to a listener of an
 * application load balancer (the provider's `Check` does not fill it, so offline it stays absent).
 */
import type { ResourceCheck } from "../lib/policy";
import { isUnknown, read, Unknown } from "../lib/props";

export function listenerProtocol(props: unknown): string | Unknown {
  const protocol = read.string(props, "protocol");
  return protocol === undefined ? "HTTP" : protocol;
}

/** The listener's protocol, or undefined after reporting `[undecided]` when it is unknown during preview. */
export function knownListenerProtocol(check: ResourceCheck): string | undefined {
  const protocol = listenerProtocol(check.resource.props);
  if (isUnknown(protocol)) {
    check.undecided("protocol is unknown during preview");
    return undefined;
  }
  return protocol;
}
