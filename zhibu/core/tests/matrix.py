from zhibu.core.testing import ALL_OK, Case, officers

ORG_A = "?org=yucai"


def member_person(world):
    return {"pk": world.people["member"].pk}


MATRIX = {
    "login": Case(expect={p: 302 for p in ALL_OK}, anonymous=200),
    "logout": Case(expect={p: 405 for p in ALL_OK}, anonymous=405),
    "password_change": Case(expect=ALL_OK),
    "password_change_done": Case(expect=ALL_OK),
    "core:dashboard": Case(expect=ALL_OK),
    "core:people": Case(expect=officers(), query=ORG_A),
    "core:person_create": Case(expect=officers(bureau=403), query=ORG_A),
    "core:person": Case(expect=officers(), kwargs=member_person),
    "core:person_edit": Case(expect=officers(bureau=403), kwargs=member_person),
    "core:person_status": Case(expect=officers(bureau=403), kwargs=member_person),
    "core:search": Case(expect=ALL_OK, query="?q=刘丹"),
    "core:audit": Case(expect={**ALL_OK, "committee": 403, "member": 403, "checker": 403}),
    "core:figures": Case(expect=officers(), query=ORG_A),
    "core:figure": Case(expect=officers(), kwargs={"code": "people.members"}, query=ORG_A),
}

# Roster import/export (zhibu/core/views_roster.py): importing is the secretary's alone.
SECRETARY_ONLY = {
    "secretary": 200,
    "committee": 403,
    "member": 403,
    "checker": 403,
    "bureau": 403,
    "outsider": 404,
}
MATRIX.update(
    {
        "core:people_import": Case(expect=SECRETARY_ONLY, query=ORG_A),
        "core:people_import_template": Case(expect=SECRETARY_ONLY, query=ORG_A),
        "core:people_export": Case(expect=officers(), query=ORG_A),
    }
)
