"""Fields of action, target groups, working groups and their projects."""

from datetime import timedelta

from django.utils.text import slugify

from arbeitsgruppen.models import Project, TargetGroup, WorkingGroup
from buendnis.models import FieldOfAction
from demo.national.words import BATCH, FIELDS, TARGET_GROUPS, WORDS, sentence


def fields_of_action():
    fields = []
    for position, (name, summary) in enumerate(FIELDS):
        field, _created = FieldOfAction.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "summary": summary, "position": position,
                      "description": f"<p>{summary}</p>"},
        )
        fields.append(field)
    target_groups = [
        TargetGroup.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]
        for name in TARGET_GROUPS
    ]
    return fields, target_groups


def working_groups(rng, now, count, fields, partners, log):
    start = WorkingGroup.objects.count()
    statuses = [WorkingGroup.Status.ACTIVE] * 7 + [WorkingGroup.Status.COMPLETED,
                                                    WorkingGroup.Status.DISCONTINUED]
    groups = []
    for number in range(start, start + count):
        field = fields[number % len(fields)]
        name = f"AG {rng.choice(WORDS)} und {rng.choice(WORDS)} {number}"
        started = now.date() - timedelta(days=rng.randint(30, 3000))
        status = rng.choice(statuses)
        groups.append(WorkingGroup(
            name=name, slug=slugify(name), field_of_action=field,
            mandate=sentence(rng, 20), description=f"<p>{sentence(rng, 40)}</p>",
            status=status, started_on=started,
            ended_on=None if status == WorkingGroup.Status.ACTIVE else started + timedelta(days=400),
            public_contact="über die Koordination",
        ))
    WorkingGroup.objects.bulk_create(groups, batch_size=BATCH)
    groups = list(WorkingGroup.objects.order_by("pk")[start:])
    through = WorkingGroup.members.through
    through.objects.bulk_create(
        [
            through(workinggroup_id=group.pk, partner_id=partner.pk)
            for group in groups
            for partner in rng.sample(partners, min(len(partners), rng.randint(3, 15)))
        ],
        batch_size=BATCH,
    )
    log(f"{len(groups)} Arbeitsgruppen")
    return groups


def projects(rng, now, count, fields, groups, partners, target_groups, log):
    start = Project.objects.count()
    statuses = list(Project.Status.values)
    projects = []
    for number in range(start, start + count):
        group = rng.choice(groups) if groups and rng.random() < 0.8 else None
        title = f"{rng.choice(WORDS)}-{rng.choice(WORDS)} Projekt {number}"
        starts = now.date() - timedelta(days=rng.randint(0, 3650))
        projects.append(Project(
            title=title, slug=slugify(title), summary=sentence(rng, 15),
            description=f"<p>{sentence(rng, 60)}</p>", status=rng.choice(statuses),
            field_of_action_id=group.field_of_action_id if group else rng.choice(fields).pk,
            working_group=group, starts_on=starts,
            ends_on=starts + timedelta(days=rng.randint(30, 900)),
            published=rng.random() < 0.95,
        ))
    Project.objects.bulk_create(projects, batch_size=BATCH)
    projects = list(Project.objects.order_by("pk")[start:])
    partner_links = Project.partners.through
    partner_links.objects.bulk_create(
        [
            partner_links(project_id=project.pk, partner_id=partner.pk)
            for project in projects
            for partner in rng.sample(partners, min(len(partners), rng.randint(1, 6)))
        ],
        batch_size=BATCH,
    )
    group_links = Project.target_groups.through
    group_links.objects.bulk_create(
        [
            group_links(project_id=project.pk, targetgroup_id=target.pk)
            for project in projects
            for target in rng.sample(target_groups, rng.randint(1, 3))
        ],
        batch_size=BATCH,
    )
    log(f"{len(projects)} Projekte")
