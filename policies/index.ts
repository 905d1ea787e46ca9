// The engine `require`s this file: constructing the pack starts the gRPC server and prints its port.
import { PolicyPack } from "@pulumi/policy";
import { packArgs, packName } from "./pack";

new PolicyPack(packName, packArgs);
