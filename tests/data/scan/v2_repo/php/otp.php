<?php
use Prelude\Client;

$client = new Prelude\Client(apiToken: getenv('API_TOKEN'));
$client->verification->create(target: Target::with(type: "phone_number", value: $phone));
$info = $client->lookup->lookup($phone);
