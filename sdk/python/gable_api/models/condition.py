from enum import StrEnum


class Condition(StrEnum):
    DAMAGED = "damaged"
    FAIR = "fair"
    GOOD = "good"
    POOR = "poor"

    def __str__(self) -> str:
        return str(self.value)
