"""Line types read through a helper's return, a list or an attribute, then
compared with module sets, class attributes, default arguments or used as lookup keys."""
import ding

CUSTOMER = "00000000-0000-4000-8000-000000000001"
MOBILE = {"Mobile"}
MOBILE_LIST = frozenset({"Mobile", "Voip"})


class Policy:
    RISKY = ("Voip", "Mobile")


def make_client(key):
    return ding.Ding(api_key=key)  # site: client


def kind_of(client, phone):
    return client.lookup.lookup(phone, CUSTOMER).lookup_response.line_type.value  # site: kind-of


def is_mobile(client, phone):
    return kind_of(client, phone) in MOBILE  # site: is-mobile


def is_mobile2(client, phone):
    return kind_of(client, phone) in MOBILE_LIST  # site: is-mobile2


def risky(client, phone):
    return kind_of(client, phone) in Policy.RISKY  # site: risky


def by_default(client, phone, kinds=("Mobile", "Voip")):
    k = kind_of(client, phone)  # site: default-read
    return k in kinds  # site: default-arg


def literal_eq(client, phone):
    return kind_of(client, phone) == "Mobile"  # site: literal-eq


def name_in_list(client, phone):
    lt = client.lookup.lookup(phone, CUSTOMER).lookup_response.line_type  # site: lookup-name
    names = [lt]
    return names[0].name.lower()  # site: name-in-list


def _lt(client, phone):
    return client.lookup.lookup(phone, CUSTOMER).lookup_response.line_type  # site: lookup-helper


def name_via_helper(client, phone):
    return _lt(client, phone).name  # site: name-helper


def value_via_helper(client, phone):
    return _lt(client, phone).value.upper()  # site: value-helper


LABELS = {"Mobile": "cell", "FixedLine": "landline"}


def label(client, phone):
    return LABELS.get(kind_of(client, phone), "other")  # site: label-get


def label_sub(client, phone):
    k = kind_of(client, phone)  # site: sub-read
    return LABELS[k]  # site: label-sub


class Row:
    def __init__(self, client, phone):
        self.kind = client.lookup.lookup(phone, CUSTOMER).lookup_response.line_type.value  # site: row-attr

    def mobile(self):
        return self.kind == "Mobile"  # site: row-mobile


def row_mobile(client, phone):
    return Row(client, phone).mobile()
