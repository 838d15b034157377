// shape of ding-live/ding-node src/index.ts (rewritten, not copied)
import { Check, check } from "./check";
import { Retry, retry } from "./retry";

/** The client. */
class Client {
    constructor(customerUuid: string, apiToken: string) {
        this.customerUuid = customerUuid;
        this.apiToken = apiToken;
    }

    private readonly customerUuid: string;
    private readonly apiToken: string;

    async retry(authUuid: string): Promise<Retry> {
        return retry(this.apiToken, this.customerUuid, authUuid);
    }

    async check(authUuid: string, code: string): Promise<Check> {
        return check(this.apiToken, this.customerUuid, authUuid, code);
    }
}

export { Check, Retry, Client as default };
