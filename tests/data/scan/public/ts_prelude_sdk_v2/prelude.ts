// shape of a server module on @prelude.so/sdk (search index: "import { PRELUDE_API_TOKEN } from \"@in/server/env\""), rewritten, not copied
import { PRELUDE_API_TOKEN } from "./env"
import Prelude from "@prelude.so/sdk"

const client = new Prelude({
  apiToken: PRELUDE_API_TOKEN ?? "",
})

export async function sendCode(phoneNumber: string) {
  return client.verification.create({
    target: { type: "phone_number", value: phoneNumber },
  })
}

export async function checkCode(phoneNumber: string, code: string) {
  const verification = await client.verification.check({
    target: { type: "phone_number", value: phoneNumber },
    code,
  })
  return verification.status === "success"
}
