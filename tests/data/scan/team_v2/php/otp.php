<?php
use Prelude\Client;
$client = new Prelude\Client(apiToken: 'test-v2-key');
$client->verification->create(target: $target);
$padding = 'ding';
