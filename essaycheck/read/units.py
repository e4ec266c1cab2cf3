"""Word's units, converted in one place: twips, half-points and 240ths of a line."""

from __future__ import annotations

TWIPS_PER_INCH = 1440  # a twip is a twentieth of a point
TWIPS_PER_POINT = 20
LINE_UNITS = 240  # w:spacing w:line with lineRule="auto": 240 is single spacing
CM_PER_INCH = 2.54


def twips_to_inches(value: str | int | float | None) -> float | None:
    """A length in twips ("720") in inches (0.5); None when absent or not a number."""
    return _scaled(value, TWIPS_PER_INCH)


def twips_to_points(value: str | int | float | None) -> float | None:
    return _scaled(value, TWIPS_PER_POINT)


def half_points_to_points(value: str | int | float | None) -> float | None:
    """A font size in half-points ("24") in points (12.0)."""
    return _scaled(value, 2)


def line_units_to_multiple(value: str | int | float | None) -> float | None:
    """Automatic line spacing in 240ths of a line ("480") as a multiple of single spacing (2.0)."""
    return _scaled(value, LINE_UNITS)


def as_number(value) -> float | None:
    """``value`` as a number, None when absent or not one."""
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _scaled(value, per: float) -> float | None:
    found = as_number(value)
    return None if found is None else found / per
