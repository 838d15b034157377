// shape of ding-live/ding-node src/check.ts (rewritten, not copied)
import { object, string, assert } from 'superstruct'
import { baseUrl } from './config'
import { handleApiError } from './error'

export async function check(apiToken: string, customerUuid: string, authUuid: string, code: string): Promise<Check> {
    const response = await fetch(`${baseUrl}/check`, {
        method: 'POST',
        headers: {
            'content-type': 'application/json',
            'x-api-key': apiToken,
        },
        body: JSON.stringify({
            authentication_uuid: authUuid,
            customer_uuid: customerUuid,
            check_code: code,
        }),
    })
    if (!response.ok) {
        handleApiError(await response.json())
    }
    const body = await response.json()
    assert(body, OkObject)
    return { authenticationUuid: body.authentication_uuid, status: toStatus(body.status) }
}

export interface Check {
    authenticationUuid: string
    status: Status
}

export enum Status {
    Unknown = 'unknown',
    Valid = 'valid',
    Invalid = 'invalid',
    WithoutAttempt = 'without_attempt',
    ExpiredAuth = 'expired_auth',
}

const OkObject = object({
    authentication_uuid: string(),
    status: string(),
})

function toStatus(status: string): Status {
    switch (status) {
        case 'valid':
            return Status.Valid
        case 'invalid':
            return Status.Invalid
        case 'without_attempt':
            return Status.WithoutAttempt
        case 'expired_auth':
            return Status.ExpiredAuth
        default:
            return Status.Unknown
    }
}
