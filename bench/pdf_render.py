"""Render time of the PDF documents: the first document of a fresh process after the
renderer's warm-up ("kalt"), the same document rendered again ("warm", WeasyPrint runs
each time) and served from the PDF cache.

Standalone: `python bench/pdf_render.py` (or `.venv/bin/python bench/pdf_render.py`).
It builds its own database and media folder in a temporary directory, so it never
touches the portal's data. Each document is measured in a process of its own, which
starts like the background worker (`db_worker`): Django set up, `warm_renderer()`, then
the document. Wall-clock and CPU time are printed: on a shared machine the CPU time of
the process says more than the wall clock. Targets (issue 22): minutes with 50 agenda
items ≤ 1,000 ms cold, the attendance list ≤ 300 ms; the first document of a process
no slower than the next ones. The last line is the figures as JSON (`bench/run.py`).
"""

import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = len(sys.argv) == 3 and sys.argv[1] == "--measure"
WORKDIR = Path(os.environ["PDF_BENCH_WORKDIR"]) if CHILD else Path(tempfile.mkdtemp(prefix="pdf-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORKDIR / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

WARM_RUNS = 5
AGENDA_ITEMS = 50
PRESENT = 40
GUESTS = 5

# key: (label, target in ms or None)
DOCUMENTS = {
    "protokoll": (f"Protokoll ({AGENDA_ITEMS} TOPs, {PRESENT} Anwesende)", 1000),
    "anwesenheit": (f"Anwesenheitsliste ({PRESENT} Partner, {GUESTS} Gäste)", 300),
    "urkunde": ("Urkunde Bündnispartner", None),
    "gruendung-30": ("Gründungsurkunde (30 Gründungspartner)", None),
    "gruendung-120": ("Gründungsurkunde (120 Gründungspartner)", None),
}


def build_data():
    from demo import alliance as demo
    from events.models import AgendaItem, Event, Invitation, Minutes, Registration, Suggestion, Task
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
        venue="Bürgersaal im Rathaus",
        address="Marktplatz 1, 12345 Musterhausen",
    )
    minutes = Minutes.objects.create(
        event=event, status=Minutes.Status.APPROVED, approved_at=timezone.now(),
        summary="Bilanz des Jahres und Planung der Ferienangebote.", recorded_by="Petra Muster",
        number_of_guests=GUESTS,
    )
    minutes.partners_present.set(partners[:PRESENT])
    for partner in partners[:PRESENT]:
        Invitation.objects.create(
            event=event, partner=partner, membership=partner.signatures.get(),
            sent_at=start, reply=Invitation.Reply.ACCEPTED, number_of_people=2,
        )
    for number in range(1, GUESTS + 1):
        Registration.objects.create(
            event=event, name=f"Gast Nummer {number}", email=f"gast{number}@example.org"
        )
    for number in range(1, AGENDA_ITEMS + 1):
        item = AgendaItem.objects.create(
            minutes=minutes,
            position=number,
            title=f"Tagesordnungspunkt {number}: Bericht der Arbeitsgruppe Ferienbetreuung",
            duration=10,
            discussion="Die Arbeitsgruppe berichtet über den Stand ihres Projekts. " * 3
            + "\n\nIn der Aussprache werden Fragen zur Finanzierung geklärt.",
            decisions="Das Plenum stimmt dem Vorschlag der Arbeitsgruppe zu.",
            votes_yes=31, votes_no=2, votes_abstain=4,
        )
        Task.objects.create(
            agenda_item=item, description="Angebote einholen und im nächsten Treffen vorstellen",
            responsible="Geschäftsstelle", due_on=datetime.date(2025, 4, 30),
        )
        Task.objects.create(
            agenda_item=item, description="Protokoll an die Presse", responsible="Petra Muster"
        )
    Suggestion.objects.create(text="Mehr Ferienangebote.", event=event)


def documents():
    """key -> a function that returns the document's PDF (through the PDF cache)."""
    from events.checkin import attendance_list_pdf
    from events.documents import minutes_pdf_file
    from events.models import Minutes
    from partners.documents import founding_certificate_pdf, partner_certificate_file
    from partners.models import Partner

    minutes = Minutes.objects.select_related("event").get(event__slug="bench-plenum")
    partner = Partner.objects.get(slug="bench-1")

    def founding_120():
        return founding_certificate_pdf()

    return {
        "protokoll": lambda: minutes_pdf_file(minutes),
        "anwesenheit": lambda: attendance_list_pdf(minutes.event),
        "urkunde": lambda: partner_certificate_file(partner),
        "gruendung-30": founding_certificate_pdf,
        "gruendung-120": founding_120,
    }


def timed(function):
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def measure(key):
    """In a fresh process: warm the renderer as the worker does, then the document
    cold, WARM_RUNS times rendered again, and WARM_RUNS times from the cache."""
    from buendnis.lib.pdf import CACHE_DIRECTORY, warm_renderer
    from buendnis.models import Alliance
    from buendnis.tenancy import activate
    from partners.models import Partner

    cache = Path(os.environ["MEDIA_ROOT"]) / CACHE_DIRECTORY
    with activate(Alliance.objects.get()):
        if key == "gruendung-120":
            Partner.objects.update(founding_partner=True)
        render = documents()[key]
        warm_wall, warm_cpu = timed(warm_renderer)

        def uncached():
            shutil.rmtree(cache, ignore_errors=True)
            render()

        cold = timed(uncached)
        warm = [timed(uncached) for _ in range(WARM_RUNS)]
        cached = [timed(render) for _ in range(WARM_RUNS)]
    return {
        "warm_up_ms": round(warm_wall),
        "warm_up_cpu_ms": round(warm_cpu),
        "cold_ms": round(cold[0]),
        "cold_cpu_ms": round(cold[1]),
        "warm_ms": round(statistics.median(wall for wall, _ in warm)),
        "warm_cpu_ms": round(statistics.median(cpu for _, cpu in warm)),
        "warm_min_ms": round(min(wall for wall, _ in warm)),
        "cached_ms": round(statistics.median(wall for wall, _ in cached), 1),
    }


def load_average():
    return " / ".join(f"{value:.2f}".replace(".", ",") for value in os.getloadavg())


def main():
    from buendnis.models import Alliance
    from buendnis.tenancy import activate

    # The installation's one alliance, made by the migrations: everything below is its.
    call_command("migrate", verbosity=0)
    with activate(Alliance.objects.get()):
        build_data()
    print(f"Load vorher: {load_average()} (1/5/15 min), {os.cpu_count()} Kerne")
    print(
        f"{'Dokument':<44} {'kalt':>8} {'CPU':>8} {'warm':>8} {'CPU':>8} {'Cache':>8} {'Ziel kalt':>10}"
    )
    env = {**os.environ, "PDF_BENCH_WORKDIR": str(WORKDIR)}
    figures = {}
    for key, (label, target) in DOCUMENTS.items():
        result = subprocess.run(
            [sys.executable, __file__, "--measure", key], env=env, capture_output=True, text=True,
        )
        if result.returncode:
            sys.exit(f"{label}: Messung fehlgeschlagen\n{result.stderr}")
        row = figures[key] = json.loads(result.stdout.strip().splitlines()[-1])
        verdict = ""
        if target:
            verdict = f"≤ {target:,} ms".replace(",", ".")
            verdict += " ok" if row["cold_ms"] <= target else " ZU LANGSAM"
        print(
            f"{label:<44} {row['cold_ms']:>5} ms {row['cold_cpu_ms']:>5} ms {row['warm_ms']:>5} ms "
            f"{row['warm_cpu_ms']:>5} ms {row['cached_ms']:>5} ms {verdict:>10}"
        )
    print(f"Vorwärmen des Renderers je Prozess: {figures['protokoll']['warm_up_ms']} ms "
          f"(CPU {figures['protokoll']['warm_up_cpu_ms']} ms)")
    for key in ("protokoll", "anwesenheit"):
        row = figures[key]
        print(f"{DOCUMENTS[key][0]}: erstes Dokument des Prozesses ÷ weitere = "
              f"{row['cold_ms'] / row['warm_ms']:.2f} (CPU {row['cold_cpu_ms'] / row['warm_cpu_ms']:.2f})")
    print(f"Load nachher: {load_average()}")
    print(json.dumps(figures))


if __name__ == "__main__":
    if CHILD:
        print(json.dumps(measure(sys.argv[2])))
    else:
        try:
            main()
        finally:
            shutil.rmtree(WORKDIR, ignore_errors=True)
