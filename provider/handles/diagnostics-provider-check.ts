import { providerHandle } from "./provider-handle";

export = providerHandle("diagnostics:ProviderCheck");
