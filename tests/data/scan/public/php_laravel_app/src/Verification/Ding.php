<?php
// shape of a Laravel phone-verification driver (namespace Roomies\Phonable, src/Verification/Ding.php), rewritten, not copied
namespace App\Phone\Verification;

use Illuminate\Http\Client\PendingRequest;
use Illuminate\Support\Facades\Http;

class Ding implements VerifiesPhoneNumbers
{
    protected PendingRequest $client;

    public function __construct(
        #[\SensitiveParameter] protected string $apiKey = '',
        protected string $customerUuid = '',
        protected string $ipAddress = '',
    ) {
        $this->client = Http::baseUrl('https://api.ding.live/v1')
            ->withHeader('x-api-key', $apiKey);
    }

    public function send(PhoneVerifiable $verifiable): VerificationRequest
    {
        $phone = $verifiable->getVerifiablePhoneNumber();

        $response = $this->client->post('/authentication', [
            'customer_uuid' => $this->customerUuid,
            'phone_number' => $phone,
            'ip' => $this->ipAddress,
        ]);

        return new VerificationRequest(
            id: $response->json('authentication_uuid'),
            phoneNumber: $phone,
        );
    }

    public function verify(PhoneVerifiable $verifiable, string $code): VerificationResult
    {
        $response = $this->client->post('/check', [
            'customer_uuid' => $this->customerUuid,
            'authentication_uuid' => $verifiable->getVerifiableSession(),
            'check_code' => $code,
        ]);

        return match ($response->json('status')) {
            'valid', 'already_validated' => VerificationResult::Successful,
            'without_attempt' => VerificationResult::NotFound,
            'expired_auth' => VerificationResult::Expired,
            default => VerificationResult::Invalid,
        };
    }
}
