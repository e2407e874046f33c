"""The demo alliance is a finished site: its coordinator's start checklist has nothing open
(and so does not show on her dashboard)."""

from cockpit import checklist


def test_the_demo_alliance_has_every_checklist_item_done(demo_data, coordinator_client):
    open_items = [(item.key, item.missing) for item in checklist.items() if not item.done]
    assert open_items == []
    content = coordinator_client.get("/verwaltung/").content.decode()
    assert 'id="start-checklist"' not in content
    assert "Bis zur fertigen Website" not in content
