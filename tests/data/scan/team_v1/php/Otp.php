<?php

declare(strict_types=1);

require 'vendor/autoload.php';

use Ding\DingSDK;
use Ding\DingSDK\Models\Shared;

$sdk = DingSDK\Ding::builder()->setSecurity('test-v1-key')->build();
$request = new Shared\CreateAuthenticationRequest(customerUuid: 'c', phoneNumber: '+33600000000');
$response = $sdk->otp->createAuthentication($request);
