import { providerHandle } from "../resource/provider-handle";

export = providerHandle("scaikey:UserStatus");
