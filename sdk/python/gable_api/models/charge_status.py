from enum import StrEnum


class ChargeStatus(StrEnum):
    LATE = "late"
    OPEN = "open"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)
