from kinds import kind_of

WANTED = ("Mobile",)


def wanted(client, phone):
    return kind_of(client, phone) in WANTED  # site: other-module
