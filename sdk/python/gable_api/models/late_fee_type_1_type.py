from enum import StrEnum


class LateFeeType1Type(StrEnum):
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
