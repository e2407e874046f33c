"""Every door of the admin, walked by alliance B with alliance A's ids (issue 19).

Derived from the admin sites' registries and the URL conf (`tests/support/doors.py`;
the alliances: `tests/support/two_alliances.py`), not from a list: for every registered
model, as B's coordinator, steering-group member and group lead, on B's host, with A's
ids and values: the change list with its search and each filter, add, change, delete,
history and history versions, every custom admin URL, autocomplete, every action, the
site's and the cockpit's URLs and exports. Expected: 403 or 404 for A's ids, never a
redirect to A or away from the admin, never a 500, never A's marker on a page, and A's
rows unchanged.

The requests run outside any scope, as in operation: the middleware alone sets B's
(the autouse fixture's scope is left by `outside_any_scope`). Streams are read after
the request, outside any scope, by `test_streams_are_complete_after_the_request`.
"""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from openpyxl import load_workbook

from buendnis.tenancy import activate
from tests.support import doors
from tests.support import two_alliances as alliances
from tests.support.tenancy import outside_any_scope

# Pages read as text only (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_read_as_text")


@pytest.fixture
def world(role_groups, settings):
    # Nobody logs in with a password here (force_login); hashing a dozen was most of the time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # B offers machine translation (without network), so its action is walked with A's ids.
    settings.MACHINE_TRANSLATION_BACKEND = "buendnis.machine_translation.Dummy"
    world = alliances.two_alliances()
    world.b.machine_translation = True
    world.b.save()
    return world


def logged_in(client, world, persona):
    with activate(world.b):
        client.force_login(world.personas[persona])
    return doors.Walk(client, world)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", list(alliances.PERSONAS))
def test_no_door_of_the_admin_opens_to_another_alliance(client, world, persona):
    walk = logged_in(client, world, persona)
    user = world.personas[persona]
    before = alliances.snapshot(world)
    registered = alliances.registry()

    for model, model_admin in registered.items():
        for door in doors.posted([
            *doors.model_doors(world, model, model_admin),
            *doors.changelist_doors(world, model, model_admin, user),
            *doors.action_doors(world, model, model_admin, user),
        ]):
            walk.walk(door)
    for door in doors.posted([*doors.autocomplete_doors(world), *doors.site_doors(world)]):
        walk.walk(door)
    # B's own pages, lists and downloads show nothing of A either.
    for door in doors.own_doors(world, user):
        walk.walk(door)

    print(f"walked {len(walk.models)} models, {len(walk.paths)} URLs as {persona}")
    assert walk.problems == [], "\n".join(walk.problems)
    assert alliances.snapshot(world) == before, "the walk changed rows of alliance A"
    assert alliances.cross_links(world) == [], "rows of B now point at another alliance's"
    assert 0 < len(walk.models) == len(registered)
    assert len(walk.paths) > 10 * len(registered)


@pytest.mark.django_db
def test_no_door_of_the_servicestelle_opens_to_an_alliance_account(client, world, settings):
    """The Servicestelle's own admin site (SERVICE_DOMAIN), walked the same way by B's
    personas: it is the superusers' only; each door asks them to log in or refuses."""
    from cockpit.servicestelle import service_site

    settings.SERVICE_DOMAIN = "servicestelle.localhost"
    registered = alliances.registry(service_site)
    # The installation's own rows (background tasks), which belong to no alliance.
    factories_of = alliances.model_factories()
    with outside_any_scope():
        for model in registered:
            if model not in world.rows_a:
                world.rows_a[model] = world.rows_b[model] = factories_of[model]()
    for persona in alliances.PERSONAS:
        walk = logged_in(client, world, persona)
        walk.host = settings.SERVICE_DOMAIN
        found = [door for model, model_admin in registered.items()
                 for door in doors.model_doors(world, model, model_admin)]
        found += doors.site_doors(world, urlconf=settings.SERVICE_URLCONF, site=service_site)
        for door in doors.posted(found):
            walk.walk(door)
        print(f"walked {len(walk.models)} models, {len(walk.paths)} URLs of the Servicestelle as {persona}")
        assert walk.problems == [], "\n".join(walk.problems)
        assert 0 < len(walk.models) == len(registered)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [*alliances.PERSONAS, "servicestelle"])
def test_view_on_site_finds_no_object_of_another_alliance(client, world, persona, settings, logged_errors):
    """Django's shortcut (`admin:view_on_site`, /verwaltung/r/<type>/<id>/) with A's rows,
    on B's host as B's personas, and on the Servicestelle's as a superuser (where it
    answered 500; the walk reports each error with its door, so logging it is allowed)."""
    if persona == "servicestelle":
        settings.SERVICE_DOMAIN = "servicestelle.localhost"
        client.force_login(world.superuser)
        walk = doors.Walk(client, world, host=settings.SERVICE_DOMAIN)
    else:
        walk = logged_in(client, world, persona)
    for model in alliances.registry():
        with outside_any_scope():
            content_type = ContentType.objects.get_for_model(model)
        walk.walk(doors.Door("GET", f"{doors.ADMIN_PREFIX}r/{content_type.pk}/{world.rows_a[model].pk}/",
                             True, model))
    assert len(walk.models) == len(alliances.registry())
    assert walk.problems == [], "\n".join(walk.problems)


def choice_fields(world, user):
    """(where, form field) of every choice of every admin add and change form and of
    their inlines, as `user` gets them in B's scope."""
    for model, model_admin in alliances.registry().items():
        request = doors.admin_request(user, doors.admin_prefix(model))
        for obj in (None, world.rows_b[model]):
            allowed = (
                model_admin.has_add_permission(request) if obj is None
                else model_admin.has_change_permission(request, obj)
            )
            if not allowed:
                continue
            label = f"{model._meta.label} {'add' if obj is None else 'change'}"
            form = model_admin.get_form(request, obj)(instance=obj)
            for name, form_field in form.fields.items():
                yield f"{label}: {name}", form_field
            for formset, inline in model_admin.get_formsets_with_inlines(request, obj):
                # A form of the formset as the page renders it: Django narrows the choices
                # (limit_choices_to) when a form is made, not in the form's class.
                for name, form_field in formset(instance=obj).empty_form.fields.items():
                    yield f"{label} / {inline.model._meta.label}: {name}", form_field


def offered_problems(world, accounts, persona="coordinator"):
    """What B's `persona` is offered of other alliances: A's rows, or accounts that are
    not B's (`accounts=True`: only the pickers of user accounts; else only the others)."""
    user = world.personas[persona]
    problems, checked = [], 0
    with activate(world.b):
        for where, form_field in choice_fields(world, user):
            if not isinstance(form_field, ModelChoiceField):
                continue
            target = form_field.queryset.model
            if (target is alliances.User) is not accounts:
                continue
            allowed = world.ids_b(target)
            if allowed is None:  # roles, permissions: no alliance's rows
                continue
            checked += 1
            offered = {choice[0].value for choice in form_field.choices if choice[0] != ""}
            foreign = offered - allowed
            if target is alliances.User:
                foreign |= offered & {world.superuser.pk}
            if foreign:
                problems.append(f"{where} bietet {target._meta.label} {sorted(foreign, key=str)} an")
            # Offered or not: a typed-in id of another alliance is refused.
            others = world.ids_a(target) | ({world.superuser.pk} if target is alliances.User else set())
            for pk in sorted(others, key=str)[:3]:
                try:
                    form_field.clean([pk] if isinstance(form_field, ModelMultipleChoiceField) else pk)
                except ValidationError:
                    continue
                problems.append(f"{where} nimmt {target._meta.label} {pk} an")
    return problems, checked


@pytest.mark.django_db
@pytest.mark.parametrize("persona", list(alliances.PERSONAS))
def test_every_choice_of_an_admin_form_offers_only_the_own_alliance(world, persona):
    problems, checked = offered_problems(world, accounts=False, persona=persona)
    # The steering group changes nothing (no form offers it a choice); the others do.
    assert checked > 3 or persona == "steering_member"
    assert problems == [], "\n".join(problems)


@pytest.mark.django_db
def test_every_account_picker_offers_only_the_own_alliance(world):
    """Item 1 of issue 19: accounts of other alliances and superusers are offered."""
    problems, checked = offered_problems(world, accounts=True)
    assert checked > 0
    assert problems == [], "\n".join(problems)


def contents(response, kind):
    """What a browser gets of a stream: rows of a CSV or workbook, else the bytes."""
    data = b"".join(response.streaming_content)
    if kind == "text/csv":
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    if "spreadsheetml" in kind:
        sheet = load_workbook(io.BytesIO(data), read_only=True).active
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    return data


@pytest.mark.django_db
def test_streams_are_complete_after_the_request(client, world):
    """Every streaming response of the portal, found from the URL conf, the admin's URLs
    and actions and the files their pages link, read as a browser receives it: after the
    request has ended, outside any scope. It must equal what is read inside B's scope,
    and a table has its header and rows. Tables (CSV) and files (PDF, calendar, images,
    downloads) in one walk: finding the streams renders every page, most of the time."""
    from django.core.files.base import ContentFile

    from buendnis.models import FieldOfAction
    from tests.support.hostile import png_upload

    with activate(world.b):
        # A logo on every page's header: /media/ answers with a stream too.
        world.b.logo.save("logo.png", ContentFile(png_upload().read()))
    walk = logged_in(client, world, "coordinator")
    streams = walk.streams(doors.own_doors(world, world.personas["coordinator"]))
    with activate(world.b):
        # More rows than one chunk of the open data's download (buendnis.lib.paging); made
        # after the streams are found, so that finding them does not render every page
        # with a thousand fields.
        FieldOfAction.objects.bulk_create(
            FieldOfAction(name=f"Feld {n}", slug=f"feld-{n}", published=True) for n in range(1001)
        )
    print("streams:", *(f"{door.method} {door.path}" for door in streams), sep="\n  ")
    problems, checked, with_rows = [], {"csv": 0, "files": 0}, 0
    for door in streams:
        response = walk.request(door)
        content_type = response["Content-Type"].split(";")[0]
        checked["csv" if content_type == "text/csv" else "files"] += 1
        try:
            with outside_any_scope():  # as a browser reads it: after the request, in no scope
                outside = contents(response, content_type)
        except Exception as error:  # noqa: BLE001 - reported with its door
            problems.append(f"{door.method} {door.path}: {type(error).__name__}: {error}")
            continue
        with activate(world.b):
            inside = contents(walk.request(door), content_type)
        if outside != inside:
            problems.append(f"{door.method} {door.path}: read after the request, it differs "
                            f"({len(outside)} instead of {len(inside)} lines or bytes)")
        elif not outside:
            problems.append(f"{door.method} {door.path}: empty")
        with_rows += isinstance(outside, list) and len(outside) > 1
    assert checked["csv"] > 0 and checked["files"] > 0, checked
    assert with_rows > 3, "the tables' rows: header and rows"
    assert problems == [], "\n".join(problems)
