"""Arabic dates with the Arabic comma and the 24-hour clock (Django's Arabic has no
DATETIME_FORMAT and writes times as "6:00 م")."""

DATE_FORMAT = "j F، Y"
DATETIME_FORMAT = "j F، Y، H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
DAY_FORMAT = "l، j F، Y"
DAY_TIME_FORMAT = "l، j F، Y، H:i"
CLOCK_FORMAT = "H:i"
WHEN_FORMAT = "l، j F، Y، H:i"
DATETIME_CLOCK_FORMAT = "j F، Y، H:i"
