from enum import StrEnum


class InspectionStatus(StrEnum):
    COMPLETED = "completed"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
