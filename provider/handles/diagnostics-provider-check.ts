import { providerHandle } from "../resource/provider-handle";

export = providerHandle("diagnostics:ProviderCheck");
