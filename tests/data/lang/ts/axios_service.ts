// A typed OTP service class on an axios instance kept in a member (axios.create with baseURL and
// default headers in the constructor), as a NestJS/Express backend keeps it, used by a small CLI.
import axios, { AxiosInstance } from "axios";
import { createInterface } from "node:readline/promises";

interface Outcome {
  sent: boolean;
  verified: boolean;
}

export class OtpService {
  private readonly http: AxiosInstance;

  constructor(apiKey: string) {
    this.http = axios.create({
      baseURL: "https://api.ding.live/v1",
      headers: { "x-api-key": apiKey },
      timeout: 5000,
    });
  }

  async verifyPhone(phone: string, askCode: () => Promise<string>): Promise<Outcome> {
    const { data } = await this.http.post("/authentication", {
      customer_uuid: process.env.DING_CUSTOMER_UUID as string,
      phone_number: phone,
      device_type: "IOS",
      os_version: "17.4",
    });
    if (data.status !== "pending") return { sent: false, verified: false };
    const code: string = await askCode();
    const response = await this.http.post("/check", {
      customer_uuid: process.env.DING_CUSTOMER_UUID as string,
      authentication_uuid: data.authentication_uuid,
      check_code: code,
    });
    return { sent: true, verified: response.data.status === "valid" };
  }
}

const service = new OtpService(process.env.DING_API_KEY ?? "");
const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(JSON.stringify(await service.verifyPhone(process.argv[2], () => rl.question("CODE? "))));
rl.close();
