require "prelude_sdk"
prelude = PreludeSDK::Client.new(api_token: "test-v2-key")
prelude.verification.create(target: {type: :phone_number, value: phone})
