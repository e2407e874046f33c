"""`{{ amount|euro }}`: a Decimal as German readers write money, "1.234,56 €", exactly."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def euro(value):
    if value is None or value == "":
        return ""
    amount = Decimal(value).quantize(Decimal("0.01"))
    text = f"{amount:,.2f}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return f"{text}\u00a0€"
