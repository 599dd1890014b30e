from enum import StrEnum


class UnitStatus(StrEnum):
    OCCUPIED = "occupied"
    VACANT = "vacant"

    def __str__(self) -> str:
        return str(self.value)
