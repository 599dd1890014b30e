from enum import StrEnum


class PaymentStatus(StrEnum):
    FAILED = "failed"
    PENDING = "pending"
    REFUNDED = "refunded"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
