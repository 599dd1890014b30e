from enum import StrEnum


class PaymentMethod(StrEnum):
    ACH = "ach"
    CARD = "card"
    CASH = "cash"
    CHECK = "check"
    MONEY_ORDER = "money_order"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
