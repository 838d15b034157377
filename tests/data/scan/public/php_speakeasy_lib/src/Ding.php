<?php
// shape of ding-live/ding-php src/Ding.php (rewritten, not copied)
declare(strict_types=1);

namespace Ding\DingSDK;

class Ding
{
    public const SERVERS = [
        'https://api.ding.live/v1',
    ];

    public Otp $otp;

    public static function builder(): DingBuilder
    {
        return new DingBuilder();
    }

    public function __construct(public SDKConfiguration $sdkConfiguration)
    {
        $this->otp = new Otp($this->sdkConfiguration);
    }
}
