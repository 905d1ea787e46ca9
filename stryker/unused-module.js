// Stands in, in mutation runs only, for dependencies of the Pulumi SDK that policies never call (its
// closure serializer's package walker, @npmcli/arborist, with hundreds of modules). Loading them is most
// of the SDK's load time, which every test file pays again for every mutant. A policy that did call one
// would fail its tests in the dry run, never pass silently.
module.exports = {};
