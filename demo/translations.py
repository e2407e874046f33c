"""Demo data: the Musterhausen alliance's key texts in English and Turkish (our own
translations), and one outdated translation to show how the cockpit marks it.

Runs last; keeps what the coordinator has translated since (fills empty columns only).
"""

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis import translations
from buendnis.models import Alliance, FieldOfAction
from events.models import Event

ALLIANCE = {
    "en": {
        "tagline": "Together we make Musterhausen a better place for families.",
        "introduction": (
            "In the Musterhausen Alliance for Families, businesses, municipalities, clubs, "
            "churches, schools, counselling services and many others work together. They share "
            "one goal: that families in our region can live and work well.\n\n"
            "Whoever takes part contributes what they can – time, rooms, knowledge or contacts. "
            "Partnership costs nothing and can be ended at any time."
        ),
    },
    "tr": {
        "tagline": "Musterhausen'i birlikte ailelere daha dost bir yer yapıyoruz.",
        "introduction": (
            "Musterhausen Aile İttifakı'nda işletmeler, belediyeler, dernekler, kiliseler, "
            "okullar, danışma merkezleri ve daha birçokları birlikte çalışıyor. Hepsinin tek bir "
            "amacı var: bölgemizdeki ailelerin iyi yaşayıp çalışabilmesi.\n\n"
            "Katılan herkes elinden geleni getirir: zaman, mekân, bilgi ya da bağlantılar. "
            "Ortaklık ücretsizdir ve her zaman sona erdirilebilir."
        ),
    },
}

# slug: {language: (name, summary)}
FIELDS = {
    "familienfreundliche-arbeitswelt": {
        "en": ("Family-friendly workplaces – combining family and work",
               "Businesses and administrations where family and work fit together."),
        "tr": ("Aile dostu çalışma hayatı – aile ve işi bağdaştırmak",
               "Aile ile işin bir arada yürüyebildiği işletmeler ve kurumlar."),
    },
    "kindertagesbetreuung": {
        "en": ("Childcare – education, upbringing and care",
               "Reliable care for children of every age – early, late and in the holidays."),
        "tr": ("Çocuk bakımı – eğitim, yetiştirme ve bakım",
               "Her yaştan çocuk için güvenilir bakım – sabah erken, akşam ve tatillerde de."),
    },
    "familienfreundliche-kommunen": {
        "en": ("Family-friendly municipalities – local activities",
               "Towns and villages where families find their way and feel at home."),
        "tr": ("Aile dostu belediyeler – yerel etkinlikler",
               "Ailelerin yolunu kolayca bulduğu ve kendini evinde hissettiği kasabalar ve köyler."),
    },
    "elternkompetenz": {
        "en": ("Parenting skills – family education", "Offers that support parents in everyday family life."),
        "tr": ("Ebeveynlik becerileri – aile eğitimi", "Ebeveynleri aile hayatında destekleyen olanaklar."),
    },
    # The outdated one: its German summary changes below, after the translation was made.
    "beruf-und-pflege": {
        "en": ("Combining work and care", "Support for employees who care for relatives."),
    },
}
CHANGED_SUMMARY = (
    "Unterstützung für Beschäftigte, die Angehörige pflegen – und für ihre Betriebe."
)

GROUPS = {
    "familienfreundliche-betriebe": {"en": "Working group Family-friendly businesses",
                                     "tr": "Aile dostu işletmeler çalışma grubu"},
    "randzeitenbetreuung": {"en": "Working group Childcare outside regular hours",
                            "tr": "Mesai dışı çocuk bakımı çalışma grubu"},
}

PROJECTS = {
    "siegel-familienfreundlicher-betrieb": {
        "en": ("Seal “Family-friendly business”",
               "Businesses that demonstrably act family-friendly receive a regional seal."),
        "tr": ("“Aile dostu işletme” mührü",
               "Aile dostu davrandığını kanıtlayan işletmeler bölgesel bir mühür alır."),
    },
}

EVENTS = {
    "buendnistreffen-demo": {
        "en": "Alliance meeting: family-friendly into the future",
        "tr": "İttifak buluşması: geleceğe aile dostu adımlarla",
    },
}


def _fill(obj, language, values):
    """Set the empty columns of `language`; returns whether any was set."""
    changed = False
    for name, text in values.items():
        if not translations.value(obj, name, language):
            setattr(obj, f"{name}_{language}", text)
            changed = True
    return changed


def _translate(obj, by_language):
    changed = [_fill(obj, language, values) for language, values in by_language.items()]
    if any(changed):
        for language in by_language:
            translations.mark_translated(obj, language)
        obj.save()
    return any(changed)


def load(stdout):
    alliance = Alliance.current()
    _translate(alliance, ALLIANCE)
    for field in FieldOfAction.objects.filter(slug__in=FIELDS):
        by_language = {
            language: {"name": name, "summary": summary}
            for language, (name, summary) in FIELDS[field.slug].items()
        }
        if _translate(field, by_language) and field.slug == "beruf-und-pflege":
            field.summary = CHANGED_SUMMARY  # German, after the English was made: outdated
            field.save()
    for group in WorkingGroup.objects.filter(slug__in=GROUPS):
        _translate(group, {language: {"name": name} for language, name in GROUPS[group.slug].items()})
    for project in Project.objects.filter(slug__in=PROJECTS):
        _translate(project, {
            language: {"title": title, "summary": summary}
            for language, (title, summary) in PROJECTS[project.slug].items()
        })
    for event in Event.objects.filter(slug__in=EVENTS):
        _translate(event, {language: {"title": title} for language, title in EVENTS[event.slug].items()})
    stdout.write("Übersetzungen (Englisch, Türkisch): vorhanden.")
