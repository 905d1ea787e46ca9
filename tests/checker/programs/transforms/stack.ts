// A stack transform (registerResourceTransform) reaches every resource the SDK registers after it:
// "early" was registered before it and keeps what it declared, "declared-first" was still waiting to
// be registered (the SDK holds registrations until pending stack transforms are in) and is
// transformed like "later".
import * as pulumi from "@pulumi/pulumi";
import { Thing } from "./resources";

const early = new Thing("early", { encrypted: false });
export const registered = early.urn.apply(() => {
  new Thing("declared-first", { encrypted: false });
  pulumi.runtime.registerResourceTransform((args) =>
    args.type === "test:index:Thing" ? { props: { ...args.props, encrypted: true }, opts: args.opts } : undefined,
  );
  new Thing("later", { encrypted: false });
  return true;
});
