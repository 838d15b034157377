require 'ding_sdk'

s = ::DingSDK::Ding.new
res = s.otp.create_authentication(req)
