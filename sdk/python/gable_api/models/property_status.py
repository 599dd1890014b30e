from enum import StrEnum


class PropertyStatus(StrEnum):
    ACTIVE = "ACTIVE"
    COMING_SOON = "COMING_SOON"
    PENDING = "PENDING"
    SOLD = "SOLD"

    def __str__(self) -> str:
        return str(self.value)
