"""Normalized values shared by claims, facts and the rule language.

Numbers are :class:`decimal.Decimal` everywhere (``0.1 + 0.2 == 0.3`` holds). Durations are
calendar-aware: a month is not a fixed number of days, so a duration keeps months, days and seconds
apart and only folds them together (at the mean Gregorian month, 365.2425 / 12 days) when two
durations of different shapes must be compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

SECONDS_PER_DAY = Decimal(86400)
DAYS_PER_MONTH = Decimal("365.2425") / 12
SECONDS_PER_MONTH = DAYS_PER_MONTH * SECONDS_PER_DAY


class Hedge(StrEnum):
    """How a stated number relates to the true one ("nearly", "about", "more than", ...)."""

    EXACT = "exact"
    APPROX = "approx"
    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    MORE_THAN = "more_than"


@dataclass(frozen=True, slots=True)
class Duration:
    """A span of time as ISO 8601 sees it: ``P{months}M{days}DT{seconds}S``."""

    months: Decimal = Decimal(0)
    days: Decimal = Decimal(0)
    seconds: Decimal = Decimal(0)

    @classmethod
    def of(cls, amount: Decimal | int | str, unit: str) -> Duration:
        """``Duration.of(8, "month")``; units are singular names or their plurals."""
        amount = Decimal(amount)
        unit = unit.lower().removesuffix("s") if unit.lower() not in DURATION_UNITS else unit.lower()
        try:
            field, factor = DURATION_UNITS[unit]
        except KeyError:
            raise ValueError(f"unknown duration unit {unit!r}") from None
        return cls(**{field: amount * factor})

    def total_seconds(self) -> Decimal:
        """Seconds, folding months at the mean Gregorian month length."""
        return self.months * SECONDS_PER_MONTH + self.days * SECONDS_PER_DAY + self.seconds

    def in_unit(self, unit: str) -> Decimal:
        """This duration measured in ``unit`` (e.g. months), folding shapes where they differ."""
        return self.total_seconds() / Duration.of(1, unit).total_seconds()

    def __add__(self, other: Duration) -> Duration:
        return Duration(self.months + other.months, self.days + other.days, self.seconds + other.seconds)

    def __sub__(self, other: Duration) -> Duration:
        return Duration(self.months - other.months, self.days - other.days, self.seconds - other.seconds)

    def __neg__(self) -> Duration:
        return Duration(-self.months, -self.days, -self.seconds)

    def scale(self, factor: Decimal) -> Duration:
        return Duration(self.months * factor, self.days * factor, self.seconds * factor)

    def __truediv__(self, other: Duration) -> Decimal:
        return self.total_seconds() / other.total_seconds()

    def _key(self) -> Decimal:
        return self.total_seconds()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Duration) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: Duration) -> bool:
        return self._key() < other._key()

    def __le__(self, other: Duration) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: Duration) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: Duration) -> bool:
        return self._key() >= other._key()

    def iso(self) -> str:
        """ISO 8601 form: ``P8M``, ``PT2H30M``, ``P1Y2M3D``."""
        years, months = divmod(self.months, 12) if self.months == int(self.months) else (0, self.months)
        date_part = "".join(
            f"{plain(n)}{u}" for n, u in ((years, "Y"), (months, "M"), (self.days, "D")) if n
        )
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        time_part = "".join(
            f"{plain(n)}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n
        )
        if not date_part and not time_part:
            return "PT0S"
        return "P" + date_part + (f"T{time_part}" if time_part else "")

    def __str__(self) -> str:
        parts = []
        for amount, unit in (
            (self.months // 12 if self.months >= 12 and self.months % 12 == 0 else 0, "year"),
            (self.months if not (self.months >= 12 and self.months % 12 == 0) else 0, "month"),
            (self.days, "day"),
        ):
            if amount:
                parts.append(f"{plain(amount)} {unit}{'' if amount == 1 else 's'}")
        if self.seconds:
            hours, rest = divmod(self.seconds, 3600)
            minutes, seconds = divmod(rest, 60)
            for amount, unit in ((hours, "hour"), (minutes, "minute"), (seconds, "second")):
                if amount:
                    parts.append(f"{plain(amount)} {unit}{'' if amount == 1 else 's'}")
        return " ".join(parts) or "0 seconds"


DURATION_UNITS: dict[str, tuple[str, Decimal]] = {
    "second": ("seconds", Decimal(1)),
    "minute": ("seconds", Decimal(60)),
    "hour": ("seconds", Decimal(3600)),
    "day": ("days", Decimal(1)),
    "week": ("days", Decimal(7)),
    "fortnight": ("days", Decimal(14)),
    "month": ("months", Decimal(1)),
    "quarter": ("months", Decimal(3)),
    "year": ("months", Decimal(12)),
    "decade": ("months", Decimal(120)),
    "century": ("months", Decimal(1200)),
}


def plain(number: Decimal | int) -> str:
    """A decimal without exponent or trailing zeros: ``2.50`` → ``2.5``, ``1E+1`` → ``10``."""
    return format(Decimal(number).normalize(), "f")


def days_in_month(year: int, month: int) -> int:
    """The number of days in a month of the Gregorian calendar (``calendar.monthrange`` without the
    import, which pulls in ``locale`` at start-up)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29)."""
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(months=months)


def add_duration(day: dt.date, duration: Duration) -> dt.date:
    """``date + duration``: whole months on the calendar, the fraction of a month as mean days."""
    whole = int(duration.months)
    fraction = duration.months - whole
    extra_days = fraction * DAYS_PER_MONTH + duration.days + duration.seconds / SECONDS_PER_DAY
    return add_months(day, whole) + dt.timedelta(days=int(extra_days.to_integral_value()))


def between(start: dt.date, end: dt.date) -> Duration:
    """``end - start`` as whole calendar months plus remaining days (negative when end < start)."""
    from dateutil.relativedelta import relativedelta

    if end < start:
        return -between(end, start)
    delta = relativedelta(end, start)
    months = delta.years * 12 + delta.months
    return Duration(months=Decimal(months), days=Decimal((end - add_months(start, months)).days))


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date some of whose parts were not stated ("March 12", "October 2025", "1998")."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def complete(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None

    def iso(self) -> str:
        """``2025-10-16``, ``2025-10``, ``2025``, ``--10-16`` (month and day, year unknown)."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}" if self.day else f"--{self.month:02d}"
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True, order=True)
class TimeOfDay:
    """A clock time on the 24-hour clock, to the minute."""

    hour: int
    minute: int = 0

    def iso(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage, kept in percent units (``Percent(25)`` is 25%)."""

    value: Decimal

    def __str__(self) -> str:
        return f"{plain(self.value)}%"


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money in one currency."""

    amount: Decimal
    currency: str  # ISO 4217 code where known ("USD"), else the stated name

    def __str__(self) -> str:
        return f"{plain(self.amount)} {self.currency}"
