# shape of ding-live/ding-ruby lib/ding/models/shared/createcheckrequest.rb (rewritten, not copied)
# frozen_string_literal: true

require 'sorbet-runtime'

module DingSDK
  module Shared
    class CreateCheckRequest < DingSDK::Utils::FieldAugmented
      extend T::Sig

      # UUID returned by the create call.
      field :authentication_uuid, String, { 'format_json': { 'letter_case': DingSDK::Utils.field_name('authentication_uuid') } }
      # The code the user typed.
      field :check_code, String, { 'format_json': { 'letter_case': DingSDK::Utils.field_name('check_code') } }
      # Account UUID from the dashboard.
      field :customer_uuid, String, { 'format_json': { 'letter_case': DingSDK::Utils.field_name('customer_uuid') } }

      sig { params(authentication_uuid: String, check_code: String, customer_uuid: String).void }
      def initialize(authentication_uuid: nil, check_code: nil, customer_uuid: nil)
        @authentication_uuid = authentication_uuid
        @check_code = check_code
        @customer_uuid = customer_uuid
      end
    end
  end
end
