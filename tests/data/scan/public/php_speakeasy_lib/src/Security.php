<?php
// shape of ding-live/ding-php src/Models/Components/Security.php (rewritten, not copied)
declare(strict_types=1);

namespace Ding\DingSDK\Models\Components;

use Ding\DingSDK\Utils\SpeakeasyMetadata;

class Security
{
    #[SpeakeasyMetadata('security:scheme=true,type=apiKey,subtype=header,name=x-api-key')]
    public string $apiKey;

    public function __construct()
    {
        $this->apiKey = "";
    }
}
