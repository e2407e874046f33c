import datetime

from django.utils import timezone

from cockpit import charts, dashboard
from tests.factories import PartnerFactory


def test_active_partners_over_time_counts_joins_and_withdrawals(db):
    now = timezone.now()
    PartnerFactory(name="A", signed_at=now - datetime.timedelta(days=90))
    PartnerFactory(name="B", signed_at=now - datetime.timedelta(days=60))
    PartnerFactory(
        name="C",
        withdrawn=True,
        signed_at=now - datetime.timedelta(days=60),
    )
    PartnerFactory(name="D", pending=True)
    points = dashboard.active_partners_over_time()
    assert len(points) in (4, 5)  # three months back, depending on month lengths
    assert points[0].value == 1
    assert max(point.value for point in points) == 3
    assert points[-1].value == 2
    assert points[-1].label == timezone.localdate().strftime("%m/%Y")


def test_long_histories_are_shown_per_year(db):
    now = timezone.now()
    PartnerFactory(name="Alt", signed_at=now.replace(year=now.year - 5))
    PartnerFactory(name="Neu", signed_at=now - datetime.timedelta(days=1))
    points = dashboard.active_partners_over_time()
    assert [point.label for point in points] == [str(now.year - year) for year in range(5, -1, -1)]
    assert [point.value for point in points] == [1, 1, 1, 1, 1, 2]


def test_no_signatures_no_chart(db):
    assert dashboard.active_partners_over_time() == []
    assert charts.line_chart([], title="Leer", description="") is None
    assert charts.bar_chart([], title="Leer", description="") is None


def test_bar_chart_writes_every_label_and_value_as_text():
    points = [dashboard.Point("Kommune", 3), dashboard.Point("Kirche & Co", 12)]
    svg = charts.bar_chart(points, title="Nach Art", description="Je Akteursgruppe.")
    assert 'role="img"' in svg and 'aria-labelledby="nach-art-title nach-art-desc"' in svg
    assert '<title id="nach-art-title">Nach Art</title>' in svg
    assert ">Kirche &amp; Co</text>" in svg and ">12</text>" in svg and ">3</text>" in svg
    assert "style=" not in svg


def test_line_chart_labels_at_most_a_dozen_points_but_always_the_last():
    points = [dashboard.Point(f"{month:02d}/2026", month) for month in range(1, 31)]
    svg = charts.line_chart(points, title="Verlauf", description="")
    assert svg.count('class="chart-value"') <= 13
    assert ">30</text>" in svg
    assert svg.count("<circle") == 30
