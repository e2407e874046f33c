"""Partners with their logos, declarations and ten years of membership periods."""

import io
from datetime import timedelta

from django.core.files.storage import default_storage
from django.utils.text import slugify
from PIL import Image, ImageDraw

from buendnis.lib.images import alliance_folder
from buendnis.lib.text import name_key
from buendnis.models import Alliance
from demo.national.words import BATCH, TOWNS, WORDS, sentence
from partners.models import Declaration, Partner, Signature

KIND_NAMES = {
    Partner.Kind.MUNICIPALITY: "Gemeinde",
    Partner.Kind.COMPANY: "GmbH",
    Partner.Kind.CHAMBER: "Kreishandwerkerschaft",
    Partner.Kind.UNION: "Ortsverband",
    Partner.Kind.JOB_CENTRE: "Jobcenter",
    Partner.Kind.FOUNDATION: "Stiftung",
    Partner.Kind.SCHOOL: "Schule",
    Partner.Kind.HEALTH: "Klinikum",
    Partner.Kind.CHURCH: "Kirchengemeinde",
    Partner.Kind.YOUTH_WELFARE: "Jugendhilfe",
    Partner.Kind.ASSOCIATION: "Verein",
    Partner.Kind.OTHER: "Initiative",
}
# Companies and associations are the bulk of a real alliance.
KIND_WEIGHTS = {
    Partner.Kind.COMPANY: 30,
    Partner.Kind.ASSOCIATION: 20,
    Partner.Kind.MUNICIPALITY: 6,
    Partner.Kind.CHURCH: 8,
    Partner.Kind.SCHOOL: 8,
    Partner.Kind.YOUTH_WELFARE: 8,
    Partner.Kind.HEALTH: 5,
    Partner.Kind.FOUNDATION: 4,
    Partner.Kind.CHAMBER: 3,
    Partner.Kind.UNION: 2,
    Partner.Kind.JOB_CENTRE: 2,
    Partner.Kind.OTHER: 4,
}


def logo_png(rng, text):
    """A small logo: a coloured square with the initials, about one kilobyte."""
    colour = tuple(rng.randrange(40, 200) for _ in range(3))
    image = Image.new("RGB", (120, 120), colour)
    ImageDraw.Draw(image).text((30, 50), text[:3].upper(), fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def declarations(now):
    versions = []
    for year, current in ((now.year - 10, False), (now.year - 4, True)):
        declaration, _created = Declaration.objects.get_or_create(
            version=str(year),
            defaults={
                "text": "<p>Wir setzen uns gemeinsam für Familien in unserer Region ein.</p>",
                "valid_from": now.date().replace(year=year, month=1, day=1),
                "is_current": current,
            },
        )
        versions.append(declaration)
    return versions


def partners(rng, count, logo_share, fields, log):
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    start = Partner.objects.count()
    objects = []
    for number in range(start, start + count):
        kind = rng.choices(kinds, weights)[0]
        town = rng.choice(TOWNS)
        name = f"{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {KIND_NAMES[kind]} {town} {number}"
        partner = Partner(
            name=name,
            name_key=name_key(name),  # bulk_create does not call save()
            slug=slugify(name)[:200],
            kind=kind,
            town=town,
            website=f"https://partner-{number}.example.org" if rng.random() < 0.6 else "",
            description=sentence(rng, 25),
            contribution=sentence(rng, 30),
            contact_name=f"Ansprechperson {number}",
            contact_email=f"kontakt{number}@partner-{number}.example.org",
            listed=(listed := rng.random() < 0.97),
            wants_listing=listed,
            founding_partner=number < 60,
        )
        if rng.random() < logo_share:
            path = f"{alliance_folder(Alliance.current())}/logos/bench-{number}.png"
            if not default_storage.exists(path):
                default_storage.save(path, io.BytesIO(logo_png(rng, name)))
            partner.logo.name = path
        objects.append(partner)
    Partner.objects.bulk_create(objects, batch_size=BATCH)
    partners = list(Partner.objects.order_by("pk")[start:])
    through = Partner.fields_of_action.through
    through.objects.bulk_create(
        [
            through(partner_id=partner.pk, fieldofaction_id=field.pk)
            for partner in partners
            for field in rng.sample(fields, rng.randint(0, 3))
        ],
        batch_size=BATCH,
    )
    log(f"{len(partners)} Partner, davon {sum(1 for p in objects if p.logo)} mit Logo")
    return partners


def signatures(rng, now, partners, declarations, log):
    """Membership periods over ten years: most active, some withdrawn, some re-joined."""
    ten_years = 10 * 365
    signatures = []
    for partner in partners:
        signed = now - timedelta(days=rng.randint(1, ten_years))
        older = signed.year < declarations[1].valid_from.year
        declaration = declarations[0] if older else declarations[1]
        roll = rng.random()
        if roll < 0.85:
            signatures.append(Signature(partner=partner, declaration=declaration, signed_at=signed,
                                        confirmed_at=signed + timedelta(hours=2)))
        elif roll < 0.92:
            left = signed + timedelta(days=rng.randint(30, 900))
            signatures.append(Signature(partner=partner, declaration=declaration, signed_at=signed,
                                        confirmed_at=signed + timedelta(hours=3),
                                        withdrawn_at=min(left, now)))
            if rng.random() < 0.5:
                back = min(left + timedelta(days=rng.randint(30, 400)), now)
                signatures.append(Signature(partner=partner, declaration=declarations[1],
                                            signed_at=back, confirmed_at=back + timedelta(hours=1)))
        elif roll < 0.97:
            signatures.append(Signature(partner=partner, declaration=declaration,
                                        signed_at=signed, confirmed_at=signed,
                                        source=Signature.Source.PAPER))
        else:
            recent = now - timedelta(hours=rng.randint(1, 48))
            signatures.append(Signature(partner=partner, declaration=declarations[1],
                                        signed_at=recent))
    Signature.objects.bulk_create(signatures, batch_size=BATCH)
    log(f"{len(signatures)} Unterzeichnungen")
