from zhibu.core.testing import ALL_OK, Case, officers

ORG_A = "?org=yucai"


MATRIX = {
    "login": Case(expect={p: 302 for p in ALL_OK}, anonymous=200),
    "logout": Case(expect={p: 405 for p in ALL_OK}, anonymous=405),
    "password_change": Case(expect=ALL_OK),
    "password_change_done": Case(expect=ALL_OK),
    "core:dashboard": Case(expect=ALL_OK),
    "core:search": Case(expect=ALL_OK, query="?q=刘丹"),
    "core:audit": Case(expect={**ALL_OK, "committee": 403, "member": 403, "checker": 403}),
    "core:figures": Case(expect=officers(), query=ORG_A),
    "core:figure": Case(expect=officers(), kwargs={"code": "people.members"}, query=ORG_A),
}
