from enum import StrEnum


class PropertyType(StrEnum):
    COMMERCIAL = "COMMERCIAL"
    CONDO = "CONDO"
    LAND = "LAND"
    SINGLE_FAMILY = "SINGLE_FAMILY"
    TOWNHOUSE = "TOWNHOUSE"

    def __str__(self) -> str:
        return str(self.value)
