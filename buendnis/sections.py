"""Sections that higher apps contribute to pages of lower ones.

A page of a lower layer (the home page, a partner's page) must sometimes show what
a higher app has (next dates, a partner's working groups). The higher app registers
a function that returns a dict for its section's template, or None when it has
nothing to show; the page shows only what exists. So no app imports one above it.
"""


class Sections:
    def __init__(self):
        self._providers = []

    def register(self, template_name, order=50):
        def decorator(func):
            self._providers.append((order, template_name, func))
            self._providers.sort(key=lambda provider: provider[0])
            return func

        return decorator

    def collect(self, *args):
        sections = []
        for _order, template_name, func in self._providers:
            context = func(*args)
            if context:
                sections.append({"template": template_name, **context})
        return sections


# The home page: each provider takes the request.
home = Sections()
# A partner's public page: each provider takes the partner.
partner_page = Sections()
