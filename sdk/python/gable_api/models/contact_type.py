from enum import StrEnum


class ContactType(StrEnum):
    BUYER = "BUYER"
    INVESTOR = "INVESTOR"
    OTHER = "OTHER"
    SELLER = "SELLER"
    VENDOR = "VENDOR"

    def __str__(self) -> str:
        return str(self.value)
