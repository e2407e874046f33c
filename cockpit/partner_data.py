"""The mailings a partner received: in its data export, and erased with its membership."""

from cockpit.models import Delivery
from partners import personal_data


@personal_data.collectors.register("rundmails")
def deliveries(partner):
    return [
        {
            "betreff": delivery.mailing.subject,
            "an": delivery.email,
            "versandt_am": delivery.sent_at.isoformat() if delivery.sent_at else None,
        }
        for delivery in Delivery.objects.filter(partner=partner).select_related("mailing")
    ]


@personal_data.erasers.register()
def erase_addresses(partner):
    """The delivery log keeps that a mailing went to the partner, not to which address
    (nor a mail server's error message, which may quote it)."""
    Delivery.objects.filter(partner=partner).update(email="", error="")
