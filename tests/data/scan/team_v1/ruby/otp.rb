require 'ding_sdk'

s = ::DingSDK::Ding.new
s.config_security(::DingSDK::Shared::Security.new(api_key: "test-v1-key"))
req = ::DingSDK::Shared::CreateAuthenticationRequest.new(customer_uuid: "c", phone_number: "+33600000000")
res = s.otp.create_authentication(req)
