// shape of ding-live/ding-java lib/src/main/java/live/ding/dingSdk/models/shared/Security.java (rewritten, not copied)
package live.ding.dingSdk.models.shared;

import com.fasterxml.jackson.annotation.JsonProperty;
import live.ding.dingSdk.utils.SpeakeasyMetadata;

public class Security {
    @SpeakeasyMetadata("security:scheme=true,type=apiKey,subtype=header,name=x-api-key")
    public String apiKey;

    public Security(@JsonProperty("APIKey") String apiKey) {
        this.apiKey = apiKey;
    }
}
