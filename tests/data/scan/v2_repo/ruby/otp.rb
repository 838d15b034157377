require "prelude_sdk"

prelude = PreludeSDK::Client.new(api_token: ENV["API_TOKEN"])
prelude.verification.create(target: {type: :phone_number, value: phone})
