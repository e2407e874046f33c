from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for `make run` and the national-scale data of `make bench`: the
    commands `load_demo` and `fill_bench`. No app imports this package."""

    name = "demo"
    verbose_name = "Demodaten"
