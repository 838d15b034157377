// shape of ding-live/ding-go internal/api/api.go (rewritten, not copied)
package transport

import (
	"bytes"
	"net/http"

	"github.com/ding-live/go-sdk/pkg/status"
)

const KeyHeaderName = "x-api-key"

type Transport struct {
	base string
	key  string
	hc   *http.Client
}

type CheckReply struct {
	State status.Check `json:"status"`
}

func (t *Transport) post(url string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, t.base+"/"+url, bytes.NewBuffer(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set(KeyHeaderName, t.key)
	req.Header.Set("content-type", "application/json")
	return t.hc.Do(req)
}

func (t *Transport) Send(body []byte) (*http.Response, error) {
	return t.post("authentication", body)
}

func (t *Transport) Verify(body []byte) (*http.Response, error) {
	return t.post("check", body)
}

func (t *Transport) Describe() string {
	return label("check") + " " + t.base
}
