"""Every door of the admin, derived from the admin sites' registries and the URL conf.

Nothing here lists a model or an admin URL by hand: a model registered later, or a URL
added to a ModelAdmin's `get_urls()` or to the URL conf, is walked without anyone
remembering it. A URL parameter this module cannot fill fails loudly (`fill`), so that
a new kind of door gets a value rather than being skipped.

- `model_doors()`, `site_doors()`, `changelist_doors()`, `autocomplete_doors()` and
  `action_doors()` name the requests to make as B with A's ids and values (the two
  alliances: `tests/support/two_alliances.py`); `own_doors()` those with B's own.
- `Walk` makes them outside any scope (the middleware alone sets B's) and records what
  it saw; `Walk.streams()` finds the responses that are streamed.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.filters import RelatedFieldListFilter
from django.contrib.auth.tokens import default_token_generator
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from buendnis.tenancy import activate
from cockpit import team_views
from tests.support.tenancy import outside_any_scope
from tests.support.two_alliances import HOST_A, HOST_B, MARKER, User, World, apps_models, registry

ADMIN_PREFIX = "/verwaltung/"


# --- URLs ---------------------------------------------------------------------------------


def url_patterns(patterns=None, prefix="", urlconf=None):
    """(route text, URL name, namespace, pattern) of every URL in the URL conf."""
    patterns = get_resolver(urlconf).url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _resolver_patterns(pattern, prefix)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name, "", pattern


def _resolver_patterns(resolver, prefix):
    inner = url_patterns(resolver.url_patterns, prefix + str(resolver.pattern))
    for route, name, namespace, pattern in inner:
        if resolver.namespace:
            namespace = f"{resolver.namespace}:{namespace}" if namespace else resolver.namespace
        yield route, name, namespace, pattern


GROUP = re.compile(r"\((\?P<(?P<name>\w+)>)?(?P<body>[^()]*)\)")
CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def fill(route, values):
    """Every concrete path of `route` (a route or a regex) with `values` {param: [value]}.
    Unnamed regex groups are "1", "2", …; alternatives like `(csv|xlsx)` are each taken.
    A parameter without values: AssertionError naming it."""
    paths = [""]
    if route.startswith("^") or "(" in route or "$" in route:
        text = route.replace("^", "").replace("$", "")
        position = 0
        parts = []
        number = 0
        for match in GROUP.finditer(text):
            parts.append([text[position:match.start()].replace("\\", "")])
            number += 1
            name = match["name"] or str(number)
            body = match["body"]
            if name in values:
                parts.append([str(value) for value in values[name]])
            elif re.fullmatch(r"[\w|-]+", body):
                parts.append(body.split("|"))
            else:
                raise AssertionError(f"Kein Wert für „{name}“ in {route} (tests/support/doors.py)")
            position = match.end()
        parts.append([text[position:].replace("\\", "")])
    else:
        parts = []
        position = 0
        for match in CONVERTER.finditer(route):
            parts.append([route[position:match.start()]])
            if match["name"] not in values:
                raise AssertionError(f"Kein Wert für „{match['name']}“ in {route} (tests/support/doors.py)")
            parts.append([str(value) for value in values[match["name"]]])
            position = match.end()
        parts.append([route[position:]])
    for options in parts:
        paths = [path + option for path in paths for option in options]
    return paths


ID_PARAMS = ("object_id", "pk", "id", "event_id", "1")
VERSION_PARAMS = ("version_id", "history_id", "2")


def admin_prefix(model):
    return f"{ADMIN_PREFIX}{model._meta.app_label}/{model._meta.model_name}/"


@dataclass(frozen=True)
class Door:
    method: str
    path: str
    with_id: bool = False  # carries an id of A: must answer 403 or 404
    model: type = None
    data: tuple = ()


def model_doors(world, model, model_admin, own=False):
    """Every URL of the ModelAdmin (`get_urls()`, standard and custom) with A's ids; the
    history versions also on B's own object. `own=True`: with B's ids, for B."""
    doors = []
    prefix = admin_prefix(model)
    rows = world.rows_b if own else world.rows_a
    row, row_b = rows[model], world.rows_b[model]
    version = (world.history_b if own else world.history_a).get(model, 0)
    for pattern in model_admin.get_urls():
        route = str(pattern.pattern)
        regex = pattern.pattern.regex
        params = set(regex.groupindex) | {str(n + 1) for n in range(regex.groups)}
        has_id = any(name in params for name in ID_PARAMS) and not own
        values = {name: [row.pk] for name in ID_PARAMS}
        values.update({name: [version] for name in VERSION_PARAMS})
        if any(name in params for name in VERSION_PARAMS) and not own:
            for object_id in (row.pk, row_b.pk):
                for name in ID_PARAMS:
                    values[name] = [object_id]
                for path in fill(route, values):
                    doors.append(Door("GET", prefix + path, True, model))
            continue
        for path in fill(route, values):
            doors.append(Door("GET", prefix + path, has_id, model))
            if not params and path not in ("", "add/"):
                # A custom page without an id, given A's row of this admin's model.
                doors.append(Door("GET", f"{prefix}{path}?{model._meta.model_name}={row.pk}", False, model))
    # The add form with A's rows given as initial values.
    for model_field in model._meta.get_fields():
        if model_field.concrete and model_field.is_relation and model_field.related_model in rows:
            related = rows[model_field.related_model]
            doors.append(Door("GET", f"{prefix}add/?{model_field.name}={related.pk}", False, model))
    return doors


# URL names that do not name their model: {name: model label}.
NAMED_MODELS = {
    "receipt": "finances.Entry",
    "approve_report": "finances.AnnualReport",
    "publish_report": "finances.AnnualReport",
    "team_member": "auth.User",
    "team_action": "auth.User",
}


def model_of_name(name):
    """The registered model named inside a URL name ("export_event" -> Event)."""
    if name in NAMED_MODELS:
        return apps.get_model(NAMED_MODELS[name])
    candidates = [model for model in registry() if model._meta.model_name in (name or "")]
    return max(candidates, key=lambda model: len(model._meta.model_name), default=None)


def site_doors(world, own=False, urlconf=None, site=None):
    """The URLs under /verwaltung/ that belong to no ModelAdmin: the site's own (index,
    app lists, autocomplete, …), the cockpit's, the second factor, the accounts.
    `own=True`: with B's ids, for B."""
    prefixes = tuple(admin_prefix(model) for model in registry(site))
    rows = world.rows_b if own else world.rows_a
    a_user = rows[User]
    doors = []
    for route, name, namespace, _pattern in url_patterns(urlconf=urlconf):
        path = "/" + route.replace("^", "", 1) if not route.startswith("^") else route
        if not path.startswith(ADMIN_PREFIX) or path.startswith(prefixes):
            continue
        if name in ("view_on_site", "logout"):
            continue  # the shortcut has a test of its own; logging out ends the walk
        if path.startswith(f"{ADMIN_PREFIX}zwei-faktor/"):
            # The walker's own second factor (no ids of anyone's): posting there would
            # change the walker's account; tests/buendnis/test_two_factor.py and
            # test_backup_codes.py cover these pages.
            continue
        model = model_of_name(name)
        ids = [rows[model].pk] if model else []
        values = {
            "pk": ids,
            "uidb64": [urlsafe_base64_encode(force_bytes(a_user.pk))],
            "token": [default_token_generator.make_token(a_user), "passwort-festlegen"],
            "url": ["nirgends/"],
            "year": [timezone.localdate().year],
            "action": list(team_views.ACTIONS),
        }
        has_id = bool(re.search(r"<\w+:?pk>|\(\?P<pk>", route))
        if has_id and not ids:
            raise AssertionError(f"Welches Modell hat die Kennung in {route}? (tests/support/doors.py)")
        for filled in fill(route.replace("^", "", 1), values):
            refused = has_id and not own and namespace in ("admin", "cockpit", "finances")
            doors.append(Door("GET", "/" + filled, refused))
    return doors


def admin_request(user, path="/", data=None, method="get"):
    request = getattr(RequestFactory(), method)(path, data or {}, HTTP_HOST=HOST_B)
    request.user = user
    request.session = {}
    request._messages = _NoMessages()
    return request


class _NoMessages:
    def add(self, *args, **kwargs):
        pass

    def __iter__(self):
        return iter(())


def changelist_doors(world, model, model_admin, user):
    """The change list with a search for A's marker and each filter's values: those it
    offers B, and A's rows for every filter on a relation."""
    prefix = admin_prefix(model)
    doors = [Door("GET", prefix, False, model), Door("GET", f"{prefix}?q={MARKER[1:].lower()}", False, model)]
    with activate(world.b):
        request = admin_request(user, prefix)
        if not model_admin.has_view_or_change_permission(request):
            return doors
        try:
            changelist = model_admin.get_changelist_instance(request)
        except admin.options.IncorrectLookupParameters:
            return doors
        for spec in changelist.filter_specs:
            for choice in spec.choices(changelist):
                doors.append(Door("GET", prefix + choice["query_string"], False, model))
            related = getattr(getattr(spec, "field", None), "related_model", None)
            if isinstance(spec, RelatedFieldListFilter) and related in world.rows_a:
                for pk in sorted(world.ids_a(related))[:3]:
                    doors.append(Door("GET", f"{prefix}?{spec.lookup_kwarg}={pk}", False, model))
    return doors


def autocomplete_doors(world):
    """The autocomplete view for every relation of any model to a registered model,
    with and without a search for A's marker."""
    doors = []
    admins = registry()
    for model in apps_models():  # a source need not be registered itself
        for model_field in model._meta.get_fields():
            if not (model_field.concrete and model_field.is_relation):
                continue
            target = admins.get(model_field.related_model)
            if target is None or not target.search_fields:
                continue
            for term in ("", MARKER[1:].lower()):
                query = urlencode({
                    "app_label": model._meta.app_label, "model_name": model._meta.model_name,
                    "field_name": model_field.name, "term": term,
                })
                path = f"{ADMIN_PREFIX}autocomplete/?{query}"
                doors.append(Door("GET", path, False, model_field.related_model))
    return doors


def action_doors(world, model, model_admin, user, own=False):
    """Every action of the change list, applied to A's rows (confirmed: `post=yes`);
    `own=True`: to B's row, unconfirmed (a deletion only asks)."""
    with activate(world.b):
        actions = model_admin.get_actions(admin_request(user, admin_prefix(model)))
    if own:
        selected = (("_selected_action", str(world.rows_b[model].pk)),)
    else:
        selected = (("post", "yes"), *(
            ("_selected_action", str(pk)) for pk in sorted(world.ids_a(model), key=str)[:5]
        ))
    return [
        Door("POST", admin_prefix(model), False, model, (("action", name), ("index", "0"), *selected))
        for name in actions
    ]


def posted(found):
    """`found` and, for each door with an id of A, the same door posted (confirmed, as a
    form or a deletion would be)."""
    for door in found:
        yield door
        if door.with_id and door.method == "GET":
            yield Door("POST", door.path, True, door.model, (("post", "yes"),))


def public_doors():
    """The public URLs without parameters (feeds, calendars, sitemaps, open data, …)."""
    return [
        Door("GET", "/" + route)
        for route, name, namespace, _pattern in url_patterns()
        if not route.startswith(ADMIN_PREFIX[1:]) and "<" not in route and "(" not in route
        and "^" not in route and "$" not in route
    ]


# A link to a file on B's host (`…/partner.csv`, `…/kalender.ics`), relative or absolute.
FILE_LINK = re.compile(r'(?:href|src)="(?:https?://beta\.localhost)?(/[^"#?]*/?[^"#?/]+\.[a-z]{2,5}(?:\?[^"#]*)?)"')


def own_doors(world, user):
    """Everything B's `user` can request with B's own ids and values."""
    found = [*public_doors(), *site_doors(world, own=True)]
    for model, model_admin in registry().items():
        found += model_doors(world, model, model_admin, own=True)
    for model, model_admin in registry().items():
        found += action_doors(world, model, model_admin, user, own=True)
    return found


# --- walking --------------------------------------------------------------------------------


LOGIN = f"{ADMIN_PREFIX}login/"


@dataclass
class Walk:
    """Makes requests as one of B's personas on B's host (or `host`), outside any scope."""

    client: object
    world: World
    host: str = HOST_B
    problems: list = field(default_factory=list)
    paths: set = field(default_factory=set)
    models: set = field(default_factory=set)
    walked: set = field(default_factory=set)  # (method, path, data, with_id)

    def request(self, door):
        with outside_any_scope():
            if door.method == "POST":
                data = {}
                for key, value in door.data:
                    data.setdefault(key, []).append(value)
                return self.client.post(door.path, data, HTTP_HOST=self.host)
            return self.client.get(door.path, HTTP_HOST=self.host)

    def streams(self, found):
        """The doors among `found` (and the files their pages link) that answer with a
        stream; none of it is read."""
        streams, seen, queue = [], set(), list(found)
        while queue:
            door = queue.pop(0)
            if (door.method, door.path, door.data) in seen:
                continue
            seen.add((door.method, door.path, door.data))
            response = self.request(door)
            if response.streaming:
                # Not read, not closed: closing outside the test client would close
                # the test's database connection (request_finished).
                streams.append(door)
            elif response.status_code == 200 and "html" in response.get("Content-Type", ""):
                for path in FILE_LINK.findall(response.content.decode(errors="replace")):
                    queue.append(Door("GET", path.replace("&amp;", "&")))
        return streams

    def body(self, response):
        """The text of a response; a stream is read in B's scope here (reading it outside
        any scope is `test_streams_are_complete_after_the_request`'s)."""
        if response.streaming:
            with activate(self.world.b):
                return b"".join(response.streaming_content).decode(errors="replace")
        return response.content.decode(errors="replace")

    def record(self, door):
        """Counts `door`'s path and model; False when the same request was walked before
        (a model's door and its change list's, say), unless this one must be refused and
        that one needed not."""
        request = (door.method, door.path, door.data)
        self.paths.add(request)
        if door.model is not None:
            self.models.add(door.model)
        if (*request, True) in self.walked or (*request, door.with_id) in self.walked:
            return False
        self.walked.add((*request, door.with_id))
        return True

    def walk(self, door):
        if not self.record(door):
            return None
        try:
            response = self.request(door)
            if response.status_code == 405 and door.method == "GET":
                response = self.request(Door("POST", door.path, door.with_id, door.model))
            hops = 0
            while response.status_code in (301, 302, 303, 307, 308) and hops < 5:
                location = response["Location"]
                if urlsplit(location).netloc not in ("", self.host):
                    return self.problem(door, f"leitet auf einen anderen Host um: {location}")
                if door.with_id and not urlsplit(location).path.startswith(ADMIN_PREFIX):
                    return self.problem(door, f"leitet aus der Verwaltung hinaus um: {location}")
                if urlsplit(location).path == LOGIN:
                    return None  # no permission here: asked to log in, nothing shown
                hops += 1
                response = self.request(Door("GET", location, door.with_id))
            status = response.status_code
            text = self.body(response)
        except Exception as error:  # noqa: BLE001 - every failure is reported with its door
            return self.problem(door, f"{type(error).__name__}: {error}")
        if status >= 500:
            return self.problem(door, f"{status}")
        refused = (403, 404, 405) if door.method == "POST" else (403, 404)
        if door.with_id and status not in refused:
            return self.problem(door, f"{status} statt 403/404")
        for trace in (MARKER.lower(), HOST_A):
            if trace in text.lower():
                return self.problem(door, f"{status} zeigt „{trace}“ von Bündnis A")
        if door.path.startswith(f"{ADMIN_PREFIX}autocomplete/") and status == 200:
            if not response["Content-Type"].startswith("application/json"):
                return self.problem(door, f"{status} ohne JSON: {response['Content-Type']}")
            offered = {str(result["id"]) for result in response.json()["results"]}
            leaked = offered & {str(pk) for pk in self.world.ids_a(door.model)}
            if leaked:
                return self.problem(door, f"bietet A's Zeilen an: {sorted(leaked)}")
        return None

    def problem(self, door, message):
        self.problems.append(f"{door.method} {door.path}: {message}")
