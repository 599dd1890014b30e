from enum import StrEnum


class ShowingStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    CONFIRMED = "confirmed"
    NO_SHOW = "no_show"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
