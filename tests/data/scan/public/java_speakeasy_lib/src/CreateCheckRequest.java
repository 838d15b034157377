// shape of ding-live/ding-java lib/src/main/java/live/ding/dingSdk/models/shared/CreateCheckRequest.java (rewritten, not copied)
package live.ding.dingSdk.models.shared;

import com.fasterxml.jackson.annotation.JsonProperty;

public class CreateCheckRequest {
    /** UUID returned by the create call. */
    @JsonProperty("authentication_uuid")
    public String authenticationUuid;

    /** The code the user typed. */
    @JsonProperty("check_code")
    public String checkCode;

    /** Account UUID from the dashboard. */
    @JsonProperty("customer_uuid")
    public String customerUuid;

    public CreateCheckRequest withCustomerUuid(String customerUuid) {
        this.customerUuid = customerUuid;
        return this;
    }

    public CreateCheckRequest(@JsonProperty("authentication_uuid") String authenticationUuid,
                              @JsonProperty("check_code") String checkCode,
                              @JsonProperty("customer_uuid") String customerUuid) {
        this.authenticationUuid = authenticationUuid;
        this.checkCode = checkCode;
        this.customerUuid = customerUuid;
    }
}
