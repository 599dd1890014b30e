from enum import StrEnum


class LeaseStatus(StrEnum):
    ACTIVE = "active"
    DRAFT = "draft"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
