<?php
use Ding\DingSDK;

$sdk = DingSDK\Ding::builder()->build();
$response = $sdk->otp->createAuthentication($request);
