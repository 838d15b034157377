# shape of the usage examples in ding-live/ding-ruby README.md (rewritten, not copied)
require 'ding_sdk'

s = ::DingSDK::Ding.new
s.config_security(
  ::DingSDK::Shared::Security.new(
    api_key: ENV['DING_API_KEY'],
  )
)

req = ::DingSDK::Shared::CreateAuthenticationRequest.new(
  customer_uuid: ENV['DING_CUSTOMER_UUID'],
  phone_number: '+15550100',
)

res = s.otp.create_authentication(req)

unless res.create_authentication_response.nil?
  puts res.create_authentication_response.authentication_uuid
end
