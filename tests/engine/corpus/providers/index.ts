// An explicit provider in another region beside the default one, and functions answered per provider.
import * as aws from "@pulumi/aws";

const west = new aws.Provider("west", { region: "us-west-2" });

new aws.kms.Key("default-region", { enableKeyRotation: true, deletionWindowInDays: 30 });
new aws.kms.Key("west-region", { enableKeyRotation: false, deletionWindowInDays: 7 }, { provider: west });

const region = aws.getRegionOutput({}, { provider: west });
new aws.sns.Topic("regional", { name: region.name.apply((r) => `alerts-${r}`) }, { provider: west });
