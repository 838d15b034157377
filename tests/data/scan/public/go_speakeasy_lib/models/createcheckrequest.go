// shape of ding-live/ding-golang models/components/createcheckrequest.go (rewritten, not copied)
package components

type CreateCheckRequest struct {
	// UUID returned by the create call.
	AuthenticationUUID string `json:"authentication_uuid"`
	// The code the user typed.
	CheckCode string `json:"check_code"`
	// Account UUID from the dashboard.
	CustomerUUID string `json:"customer_uuid"`
}

func (o *CreateCheckRequest) GetCheckCode() string {
	if o == nil {
		return ""
	}
	return o.CheckCode
}

func (o *CreateCheckRequest) GetCustomerUUID() string {
	if o == nil {
		return ""
	}
	return o.CustomerUUID
}
