// shape of ding-live/ding-node src/retry.ts (rewritten, not copied)
import { literal, number, object, string, union, assert } from 'superstruct'
import { baseUrl } from './config'

export async function retry(apiToken: string, customerUuid: string, authUuid: string): Promise<Retry> {
    const res = await fetch(`${baseUrl}/retry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiToken },
        body: JSON.stringify({ authentication_uuid: authUuid, customer_uuid: customerUuid }),
    })
    const payload = await res.json()
    assert(payload, RetryBody)
    return { authenticationUuid: payload.authentication_uuid, status: toRetryStatus(payload.status) }
}

export interface Retry {
    authenticationUuid: string
    status: RetryStatus
}

export enum RetryStatus {
    Other = 'other',
    Granted = 'granted_retry',
    NoAttempt = 'no_attempt',
    ExpiredAuth = 'expired_auth',
}

const RetryBody = object({
    authentication_uuid: string(),
    remaining_retry: number(),
    status: union([
        literal('approved'),
        literal('denied'),
        literal('no_attempt'),
        literal('expired_auth'),
    ]),
})

function toRetryStatus(s: string): RetryStatus {
    switch (s) {
        case 'approved':
            return RetryStatus.Granted
        case 'no_attempt':
            return RetryStatus.NoAttempt
        default:
            return RetryStatus.Other
    }
}
