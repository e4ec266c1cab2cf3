"""Word's units, converted in one place: twips, half-points, 240ths of a line and EMUs."""

from __future__ import annotations

TWIPS_PER_INCH = 1440  # a twip is a twentieth of a point
TWIPS_PER_POINT = 20
EMUS_PER_INCH = 914400
LINE_UNITS = 240  # w:spacing w:line with lineRule="auto": 240 is single spacing
CM_PER_INCH = 2.54


def twips_to_inches(value: str | int | float | None) -> float | None:
    """A length in twips ("720") in inches (0.5); None when absent or not a number."""
    number = _number(value)
    return None if number is None else number / TWIPS_PER_INCH


def twips_to_points(value: str | int | float | None) -> float | None:
    number = _number(value)
    return None if number is None else number / TWIPS_PER_POINT


def half_points_to_points(value: str | int | float | None) -> float | None:
    """A font size in half-points ("24") in points (12.0)."""
    number = _number(value)
    return None if number is None else number / 2


def line_units_to_multiple(value: str | int | float | None) -> float | None:
    """Automatic line spacing in 240ths of a line ("480") as a multiple of single spacing (2.0)."""
    number = _number(value)
    return None if number is None else number / LINE_UNITS


def emus_to_inches(value: str | int | float | None) -> float | None:
    number = _number(value)
    return None if number is None else number / EMUS_PER_INCH


def inches_to_cm(value: float) -> float:
    return value * CM_PER_INCH


def _number(value) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
