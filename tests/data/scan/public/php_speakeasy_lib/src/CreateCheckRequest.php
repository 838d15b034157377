<?php
// shape of ding-live/ding-php src/Models/Components/CreateCheckRequest.php (rewritten, not copied)
declare(strict_types=1);

namespace Ding\DingSDK\Models\Components;

class CreateCheckRequest
{
    /** UUID returned by the create call. */
    #[\JMS\Serializer\Annotation\SerializedName('authentication_uuid')]
    #[\JMS\Serializer\Annotation\Type('string')]
    public string $authenticationUuid;

    /** The code the user typed. */
    #[\JMS\Serializer\Annotation\SerializedName('check_code')]
    #[\JMS\Serializer\Annotation\Type('string')]
    public string $checkCode;

    /** Account UUID from the dashboard. */
    #[\JMS\Serializer\Annotation\SerializedName('customer_uuid')]
    #[\JMS\Serializer\Annotation\Type('string')]
    public string $customerUuid;

    public function __construct()
    {
        $this->authenticationUuid = "";
        $this->checkCode = "";
        $this->customerUuid = "";
    }
}
