import { providerHandle } from "../resource/provider-handle";

export = providerHandle("asa:UserAttributes");
