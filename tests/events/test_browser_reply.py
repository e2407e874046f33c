import re

import pytest
from django.core import mail

from events import services
from events.models import Invitation
from tests.factories import PartnerFactory

pytestmark = pytest.mark.browser


def test_partner_accepts_with_two_people_then_declines(page, axe, live_server, plenary):
    PartnerFactory(name="Stadtwerke Musterhausen")
    services.send_invitations(plenary)
    [message] = mail.outbox
    accept_url = re.search(r"(http://\S+/zusagen/)", message.body).group(1)

    page.goto(accept_url)
    axe(page)
    page.get_by_label("Mit wie vielen Personen kommen Sie?").fill("2")
    page.get_by_role("button", name="Zusage senden").click()

    page.get_by_text("Vielen Dank für Ihre Zusage!").wait_for()
    page.get_by_text("Sie haben zugesagt (mit 2 Personen).").wait_for()
    invitation = Invitation.objects.get()
    assert invitation.reply == Invitation.Reply.ACCEPTED and invitation.number_of_people == 2

    page.get_by_role("link", name="Absagen").click()
    page.get_by_role("button", name="Absage senden").click()

    page.get_by_text("Sie haben abgesagt.").wait_for()
    invitation.refresh_from_db()
    assert invitation.reply == Invitation.Reply.DECLINED
    assert not page.foreign_requests
