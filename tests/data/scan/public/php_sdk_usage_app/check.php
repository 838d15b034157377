<?php
// shape of the usage examples in ding-live/ding-php USAGE.md (rewritten, not copied)
declare(strict_types=1);
require_once 'vendor/autoload.php';

use Ding\DingSDK;
use Ding\DingSDK\Models\Shared;

$security = new Shared\Security();
$security->apiKey = getenv('DING_API_KEY');

$sdk = DingSDK\Ding::builder()
    ->setSecurity($security)
    ->build();

try {
    $request = new Shared\CreateCheckRequest();
    $request->authenticationUuid = $_POST['auth'];
    $request->checkCode = $_POST['code'];
    $request->customerUuid = getenv('DING_CUSTOMER_UUID');

    $response = $sdk->otp->check($request);

    if ($response->createCheckResponse !== null) {
        echo 'ok';
    }
} catch (Exception $e) {
    error_log($e->getMessage());
}
