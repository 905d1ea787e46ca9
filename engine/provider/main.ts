// Entry point of the model provider plugin: `pulumi-resource-<pkg> <engine address>` (see engine/bin).
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { main } from "@pulumi/pulumi/provider";
import { modelProvider, type ProviderConfig } from "./plugin";

interface ConfigureCall {
  request: { getVariablesMap(): { get(key: string): string | undefined } };
}
interface ServiceImpl {
  configure?: (call: ConfigureCall, callback: unknown) => void;
}

const pkg = process.argv[2] ?? "aws";
// The engine starts a provider plugin with its own address as the last argument (after any logging
// flags); without one, the plugin would serve a port nobody connects to.
const engineAddress = process.argv[process.argv.length - 1];
if (process.argv.length < 4 || engineAddress.startsWith("-")) {
  const internal = createRequire(__filename)("../../bin/internal.js") as { refuse(name: string, instead: string): never };
  internal.refuse(`pulumi-resource-${pkg}`, "the Pulumi engine starts it in npm run test:engine");
}
const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const version = (JSON.parse(fs.readFileSync(require.resolve(`@pulumi/${pkg}/package.json`), "utf8")) as { version: string }).version;

// The SDK's provider server accepts Configure but drops the provider's configuration, which the
// model needs to answer `getRegion` as the configured provider would; read it on the way in.
const config: ProviderConfig = {};
const grpc = createRequire(path.join(sdk, "package.json"))("@grpc/grpc-js") as {
  Server: { prototype: { addService(service: unknown, impl: ServiceImpl): void } };
};
const addService = grpc.Server.prototype.addService;
grpc.Server.prototype.addService = function (service: unknown, impl: ServiceImpl): void {
  const configure = impl.configure?.bind(impl);
  if (configure) {
    impl.configure = (call, callback) => {
      config.region = call.request.getVariablesMap().get(`${pkg}:config:region`) ?? config.region;
      configure(call, callback);
    };
  }
  addService.call(this, service, impl);
};

void main(
  modelProvider(version, () => config),
  process.argv.slice(3),
);
