"""Render time of every PDF document, cold (WeasyPrint runs) and cached.

Standalone: `python bench/pdf_render.py` (or `.venv/bin/python bench/pdf_render.py`).
It builds its own database and media folder in a temporary directory, so it never
touches the portal's data.
"""

import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKDIR = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORKDIR / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

CACHED_RUNS = 5


def build_data():
    from demo import alliance as demo
    from events.models import AgendaItem, Event, Invitation, Minutes, Suggestion, Task
    from partners.models import Declaration, Partner, Signature

    demo.load(open(os.devnull, "w"))
    declaration = Declaration.objects.create(
        version="bench", text="<p>Wir machen mit.</p>", valid_from=datetime.date(2017, 11, 8)
    )
    confirmed = timezone.make_aware(datetime.datetime(2017, 11, 8, 12))
    kinds = ["Kita Regenbogen", "Autohaus Beispiel GmbH", "Förderverein der Grundschule"]
    partners = []
    for number in range(1, 121):
        partner = Partner.objects.create(
            name=f"{kinds[number % 3]} {number}",
            slug=f"bench-{number}",
            kind=Partner.Kind.ASSOCIATION,
            town="Musterhausen",
            founding_partner=number <= 30,
        )
        Signature.objects.create(
            partner=partner, declaration=declaration, signed_at=confirmed, confirmed_at=confirmed
        )
        partners.append(partner)

    start = timezone.make_aware(datetime.datetime(2025, 3, 12, 18))
    event = Event.objects.create(
        title="Bündnistreffen 2025",
        slug="bench-plenum",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    minutes = Minutes.objects.create(
        event=event, status=Minutes.Status.APPROVED, approved_at=timezone.now(), summary="Bilanz."
    )
    minutes.partners_present.set(partners[:40])
    for partner in partners[:40]:
        Invitation.objects.create(
            event=event, partner=partner, membership=partner.signatures.get(),
            sent_at=start, reply=Invitation.Reply.ACCEPTED, number_of_people=2,
        )
    for number in range(1, 51):
        item = AgendaItem.objects.create(
            minutes=minutes,
            position=number,
            title=f"Tagesordnungspunkt {number}",
            discussion="Die Arbeitsgruppe berichtet über den Stand ihres Projekts. " * 3,
            decisions="Das Plenum stimmt zu.",
        )
        Task.objects.create(agenda_item=item, description="Nachfassen", responsible="Geschäftsstelle")
    Suggestion.objects.create(text="Mehr Ferienangebote.", event=event)
    return minutes, partners[0]


def measure(label, render):
    started = time.perf_counter()
    render()
    cold = time.perf_counter() - started
    timings = []
    for _ in range(CACHED_RUNS):
        started = time.perf_counter()
        render()
        timings.append(time.perf_counter() - started)
    cached = statistics.median(timings)
    print(f"{label:<44} {cold * 1000:>9.0f} ms {cached * 1000:>9.1f} ms")


def main():
    from buendnis.models import Alliance
    from buendnis.tenancy import activate

    # The installation's one alliance, made by the migrations: everything below is its.
    call_command("migrate", verbosity=0)
    with activate(Alliance.objects.get()):
        render_all()


def render_all():
    from buendnis.lib.pdf import warm_renderer
    from events.checkin import attendance_list_pdf
    from events.documents import minutes_pdf_file
    from partners.documents import founding_certificate_pdf, partner_certificate_file
    from partners.models import Partner

    minutes, partner = build_data()
    # The very first render of a process loads fonts and the hyphenation patterns; the
    # worker does it when it starts (`db_worker`, warm_renderer). Shown apart.
    warm = warm_renderer()
    started = time.perf_counter()
    partner_certificate_file(Partner.objects.last())
    first = time.perf_counter() - started
    print(f"{'Dokument':<44} {'kalt':>12} {'aus Cache':>12}")
    print(f"{'(Vorwärmen des Renderers)':<44} {warm * 1000:>9.0f} ms")
    print(f"{'(erstes Dokument nach dem Vorwärmen: Urkunde)':<44} {first * 1000:>9.0f} ms")
    measure("Gründungsurkunde (30 Gründungspartner)", founding_certificate_pdf)
    measure("Protokoll (50 TOPs, 40 Anwesende)", lambda: minutes_pdf_file(minutes))
    measure("Urkunde Bündnispartner", lambda: partner_certificate_file(partner))
    measure("Anwesenheitsliste (40 Zusagen)", lambda: attendance_list_pdf(minutes.event))
    Partner.objects.update(founding_partner=True)
    measure("Gründungsurkunde (120 Gründungspartner)", founding_certificate_pdf)


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)
