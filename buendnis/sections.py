"""Sections that higher apps contribute to pages of lower ones.

A page of a lower layer (the home page, a partner's page) must sometimes show what
a higher app has (next dates, a partner's working groups). The higher app registers
a function under its section's template (`buendnis.lib.registry`); it returns a dict
for the template, or None when it has nothing to show; the page shows only what
exists. So no app imports one above it.
"""

from buendnis.lib.registry import Registry


class Sections(Registry):
    def collect(self, *args):
        return [
            {"template": template_name, **context}
            for template_name, context in self.results(*args)
            if context
        ]


# The home page: each provider takes the request.
home = Sections()
# A partner's public page: each provider takes the partner.
partner_page = Sections()
# The dates page in Leichte Sprache: each provider takes the request and returns a list
# of {"date", "place", "sentence"} (the upcoming public dates, said simply). No section
# with a template of its own: a plain `Registry`, read with `.results()`.
easy_read_dates = Registry()
