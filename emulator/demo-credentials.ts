/** Credentials for the emulator's APIs. The emulator's default data accepts `demoCredentials`. */
export interface EmulatorCredentials {
  asa: { team: string; keyId: string; keySecret: string };
  /** Sent as `Authorization: <apiKey> <apiSecret>`. */
  secureframe: { apiKey: string; apiSecret: string };
  scaikey: { clientId: string; clientSecret: string; tenantId: string; tenantSlug: string };
}

export const demoCredentials: EmulatorCredentials = {
  // The sample API key of the ASA seed document.
  asa: {
    team: "william-faulkner",
    keyId: "9c4f4a13-6460-4310-9154-339aab21076a",
    keySecret:
      "uF0SoVBVQP/hJmQSLUZdM2a7ArYzjD8ykzvG7n4tKaOEfSErcwMUUDWpEf4Q42/HaVKPZUfILkzy/bsQFv7WRg==",
  },
  secureframe: {
    apiKey: "sfk_emulator_demo_not_a_real_key",
    apiSecret: "sfs_emulator_demo_not_a_real_secret",
  },
  scaikey: {
    clientId: "cli_emulator_demo",
    clientSecret: "emulator-demo-secret-not-real",
    tenantId: "tnt_a24a8f641821b521082680b9",
    tenantSlug: "compson-household",
  },
};
