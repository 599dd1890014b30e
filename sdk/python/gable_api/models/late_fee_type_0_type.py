from enum import StrEnum


class LateFeeType0Type(StrEnum):
    FLAT = "flat"

    def __str__(self) -> str:
        return str(self.value)
