"""The one place the ding client is configured."""
import os

from ding import Ding


def build():
    return Ding(api_key=os.environ["DING_API_KEY"])  # site: client
