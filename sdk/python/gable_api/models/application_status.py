from enum import StrEnum


class ApplicationStatus(StrEnum):
    APPROVED = "approved"
    DENIED = "denied"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
