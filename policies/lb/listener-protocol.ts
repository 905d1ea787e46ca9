/**
 * The protocol of a listener, absent judged as `HTTP`: the default AWS applies to a listener of an
 * application load balancer (the provider's `Check` does not fill it, so offline it stays absent).
 */
import { read, Unknown } from "../lib/props";

export function listenerProtocol(props: unknown): string | Unknown {
    const protocol = read.string(props, "protocol");
    return protocol === undefined ? "HTTP" : protocol;
}
