"""Labels of choices, cheaply."""


def choice_label(choices, value):
    """What `get_FOO_display()` returns, for a `TextChoices` class and a value.

    Django's own builds a dict of every choice on each call and so translates all of
    them: 46 µs for the twelve kinds of partner, against 4 µs here. List entries call
    it for each partner, project, group and date (scale, issue 8).
    """
    try:
        return str(choices(value).label)
    except ValueError:
        return value
