// shape of ding-live/ding-golang models/components/security.go (rewritten, not copied)
package components

type Security struct {
	APIKey string `security:"scheme,type=apiKey,subtype=header,name=x-api-key"`
}

func (o *Security) GetAPIKey() string {
	if o == nil {
		return ""
	}
	return o.APIKey
}
