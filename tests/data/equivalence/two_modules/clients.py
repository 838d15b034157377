"""The ding client, built once for the whole app."""
import os

import ding

client = ding.Ding(api_key=os.environ["DING_API_KEY"])  # site: client
CUSTOMER = "00000000-0000-4000-8000-000000000001"
