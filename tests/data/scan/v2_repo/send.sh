curl https://api.prelude.dev/v2/verification -H "Authorization: Bearer $API_TOKEN" -d @body.json
