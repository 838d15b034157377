// shape of ding-live/ding-go examples/checkcode and examples/retry (rewritten, not copied)
package main

import (
	"fmt"
	"os"

	ding "github.com/ding-live/go-sdk"
)

func main() {
	sms, err := ding.NewClient(ding.Config{
		APIKey: os.Getenv("SMS_KEY"),
	})
	if err != nil {
		panic(err)
	}

	res, err := sms.Check(os.Args[1], os.Args[2])
	if err != nil {
		panic(err)
	}
	again, err := sms.Retry(os.Args[1])
	fmt.Println(res, again, err)
}
