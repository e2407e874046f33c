"""German dates as the portal always wrote them: "7. Dezember 2026", "Samstag, 15. März
2031, 18:00 Uhr". Django's keys plus the portal's own (DAY_…, CLOCK_…, WHEN_…), which
buendnis_tags' filters `day`, `day_time`, `clock`, `when` and `date_clock` read."""

DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "j. F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "d.m.Y"
DAY_FORMAT = "l, j. F Y"
DAY_TIME_FORMAT = "l, j. F Y, H:i"
CLOCK_FORMAT = r"H:i \U\h\r"
WHEN_FORMAT = r"l, j. F Y, H:i \U\h\r"
DATETIME_CLOCK_FORMAT = r"j. F Y, H:i \U\h\r"
