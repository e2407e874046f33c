"""Sections of the home page that other apps contribute (next dates, newest partners).

An app registers a function that returns a dict for its section's template, or
None when it has nothing to show; the home page shows only what exists. This
keeps `buendnis` free of imports from the apps that build on it.
"""

_providers = []


def register(template_name, order=50):
    def decorator(func):
        _providers.append((order, template_name, func))
        _providers.sort(key=lambda provider: provider[0])
        return func

    return decorator


def collect(request):
    sections = []
    for _order, template_name, func in _providers:
        context = func(request)
        if context:
            sections.append({"template": template_name, **context})
    return sections
